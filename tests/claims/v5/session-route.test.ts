// Auth.js v5's session action and cookie chunking, through @auth/core's Auth() with plain Requests.
import { decode } from '@auth/core/jwt'
import { expect, it } from 'vitest'
import { auth } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

claim('v5-jwt-null-ends-session', ['v5'], () => {
  it('a jwt callback returning null on a session read: the session is null and the cookie cleared', async () => {
    const c = await auth([], { jwt: ({ token, trigger }) => (trigger === 'signIn' ? token : null) })('Ada')
    expect(await c.session()).toBeNull()
    expect(c.jar.has('authjs.session-token')).toBe(false)
  })
})

claim('v5-chunk-names', ['v5'], () => {
  it('a token over one cookie is written as authjs.session-token.0, .1, …', async () => {
    const c = await auth([], { jwt: ({ token }) => ({ ...token, big: 'x'.repeat(6000) }) })()
    await c.callback('sign-in', { name: 'Ada' })
    const names = [...c.jar.keys()].filter((k) => k.includes('session-token'))
    expect(names.length).toBeGreaterThan(1)
    expect(names.sort()).toEqual(names.map((_, i) => `authjs.session-token.${i}`))
  })
})

claim('v5-session-read-reissues-cookie', ['v5'], () => {
  it('GET /api/auth/session encodes the token again and sets it in the cookie, with a later expiry', async () => {
    const c = await auth([])('Ada')
    const NAME = 'authjs.session-token'
    const before = c.jar.get(NAME)!
    await new Promise((r) => setTimeout(r, 1100)) // exp is in seconds
    await c.session()
    const after = c.jar.get(NAME)!
    expect(after).not.toBe(before)
    const read = (token: string) => decode({ token, secret: process.env.AUTH_SECRET!, salt: NAME })
    const [old, now] = [await read(before), await read(after)]
    expect(now).toMatchObject({ sub: old!.sub, name: 'Ada' })
    expect(now!.exp as number).toBeGreaterThan(old!.exp as number)
  })
})

claim('v5-chunk-size', ['v5'], () => {
  it('each full chunk holds 4096 bytes minus 160 for the attributes: 3936 characters of value', async () => {
    const c = await auth([], { jwt: ({ token }) => ({ ...token, big: 'x'.repeat(6000) }) })()
    await c.callback('sign-in', { name: 'Ada' }) // not through auth()('Ada'): it expects one unchunked cookie
    expect(c.jar.get('authjs.session-token.0')!.length).toBe(3936)
    expect(c.jar.get('authjs.session-token.1')!.length).toBeLessThanOrEqual(3936)
  })
})
