// Auth.js v5's CSRF check, through @auth/core's Auth(): a double-submit cookie, handed to anyone.
import { createHash } from 'node:crypto'
import { expect, it } from 'vitest'
import { auth, outcome } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

claim('csrf-double-submit', ['v5'], () => {
  it('GET /api/auth/csrf gives any caller a token and a cookie of the token and its hash; a POST needs the matching token', async () => {
    const anonymous = await auth([])()
    const token = await anonymous.csrf()
    expect(anonymous.jar.has('authjs.session-token')).toBe(false) // no session, no user: a token all the same
    const [value, hash] = decodeURIComponent(anonymous.jar.get('authjs.csrf-token')!).split('|')
    expect(value).toBe(token)
    expect(hash).toBe(createHash('sha256').update(`${token}${process.env.AUTH_SECRET}`).digest('hex'))

    const post = (csrfToken: string) => anonymous.request('/api/auth/callback/sign-in', { method: 'POST', form: { name: 'Ada', csrfToken } })
    expect(outcome(await post('0'.repeat(64))).error).toBe('MissingCSRF')
    expect(anonymous.jar.has('authjs.session-token')).toBe(false)
    expect(outcome(await post(token)).error).toBeNull()
    expect(anonymous.jar.has('authjs.session-token')).toBe(true)
  })
})
