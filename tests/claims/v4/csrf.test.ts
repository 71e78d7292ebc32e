// next-auth 4's CSRF check, through its real handler: a double-submit cookie, handed to anyone.
import { createHash } from 'node:crypto'
import { expect, it } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

claim('csrf-double-submit', ['v4'], () => {
  it('GET /api/auth/csrf gives any caller a token and a cookie of the token and its hash; a POST needs the matching token', async () => {
    const { client } = await serve([])
    const anonymous = await client()
    const token = await anonymous.csrf()
    expect(anonymous.jar.has('next-auth.session-token')).toBe(false) // no session, no user: a token all the same
    const [value, hash] = decodeURIComponent(anonymous.jar.get('next-auth.csrf-token')!).split('|')
    expect(value).toBe(token)
    expect(hash).toBe(createHash('sha256').update(`${token}${process.env.NEXTAUTH_SECRET}`).digest('hex'))

    const post = (csrfToken: string) => anonymous.request('/api/auth/callback/sign-in', { method: 'POST', form: { name: 'Ada', csrfToken, json: 'true' } })
    expect((await post('0'.repeat(64))).json.url).toMatch(/csrf=true/)
    expect(anonymous.jar.has('next-auth.session-token')).toBe(false)
    expect((await post(token)).status).toBe(200)
    expect(anonymous.jar.has('next-auth.session-token')).toBe(true)
  })
})
