// next-auth 4's session route (core/routes/session.js) and jwt helpers, through the real handler.
import { decode, encode } from 'next-auth/jwt'
import { expect, it } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

claim('v4-jwt-null-ends-session', ['v4'], () => {
  it('encode with a null token throws', async () => {
    await expect(encode({ token: null as never, secret: process.env.NEXTAUTH_SECRET! })).rejects.toThrow()
  })
  it('a jwt callback returning null on a session read: the cookie is cleared, but that answer still holds a session', async () => {
    const { client } = await serve([], { jwt: ({ token, trigger }) => (trigger === 'signIn' ? token : (null as never)) })
    const c = await client('Ada')
    expect(c.jar.has('next-auth.session-token')).toBe(true)
    const reply = await c.request('/api/auth/session')
    expect(reply.json.user).toEqual({ name: 'Ada' }) // built before encode threw
    expect(c.jar.has('next-auth.session-token')).toBe(false)
    expect((await c.request('/api/auth/session')).json).toEqual({})
  })
  it('a jwt callback that throws on a session read: the answer is {} and the cookie is cleared', async () => {
    const { client } = await serve([], {
      jwt: ({ token, trigger }) => {
        if (trigger === 'signIn') return token
        throw new Error('SessionRevoked')
      },
    })
    const c = await client('Ada')
    const reply = await c.request('/api/auth/session')
    expect(reply.json).toEqual({})
    expect(c.jar.has('next-auth.session-token')).toBe(false)
  })
})

claim('v4-chunk-names', ['v4'], () => {
  it('a token over one cookie is written as next-auth.session-token.0, .1, …', async () => {
    const { client } = await serve([], { jwt: ({ token }) => ({ ...token, big: 'x'.repeat(6000) }) })
    const c = await client('Ada')
    const names = [...c.jar.keys()].filter((k) => k.includes('session-token'))
    expect(names.length).toBeGreaterThan(1)
    expect(names.sort()).toEqual(names.map((_, i) => `next-auth.session-token.${i}`))
  })
})

claim('v4-session-read-reissues-cookie', ['v4'], () => {
  it('GET /api/auth/session encodes the token again and sets it in the cookie, with a later expiry', async () => {
    const { client } = await serve([])
    const c = await client('Ada')
    const before = c.jar.get('next-auth.session-token')!
    await new Promise((r) => setTimeout(r, 1100)) // exp is in seconds
    const reply = await c.request('/api/auth/session')
    expect(reply.headers.getSetCookie().some((l) => l.startsWith('next-auth.session-token='))).toBe(true)
    const after = c.jar.get('next-auth.session-token')!
    expect(after).not.toBe(before)
    const secret = process.env.NEXTAUTH_SECRET!
    const [old, now] = [await decode({ token: before, secret }), await decode({ token: after, secret })]
    expect(now).toMatchObject({ sub: old!.sub, name: 'Ada' })
    expect(now!.exp as number).toBeGreaterThan(old!.exp as number)
  })
})

claim('v4-chunk-size', ['v4'], () => {
  it('each full chunk holds 4096 bytes minus 163 for the attributes: 3933 characters of value', async () => {
    const c = await (await serve([], { jwt: ({ token }) => ({ ...token, big: 'x'.repeat(6000) }) })).client('Ada')
    expect(c.jar.get('next-auth.session-token.0')!.length).toBe(3933)
    expect(c.jar.get('next-auth.session-token.1')!.length).toBeLessThanOrEqual(3933)
  })
})
