// When Auth.js v5 runs the jwt callback, and with what: @auth/core's Auth() and next-auth 5's auth() middleware.
import NextAuth, { type NextAuthConfig } from 'next-auth'
import { NextRequest, NextResponse } from 'next/server'
import { expect, it, vi } from 'vitest'
import { auth, middlewareWith, signInProvider } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

type Jwt = NonNullable<NonNullable<NextAuthConfig['callbacks']>['jwt']>
const recording = () => vi.fn<Jwt>(async ({ token }) => token)
const calls = (jwt: ReturnType<typeof recording>) => jwt.mock.calls.map(([a]) => ({ trigger: a.trigger, user: !!a.user }))

claim('jwt-user-only-at-signin', ['v5'], () => {
  it('the jwt callback gets `user` on the sign-in call only, not on later session reads', async () => {
    const jwt = recording()
    const c = await auth([], { jwt })('Ada')
    await c.session()
    await c.session()
    expect(calls(jwt)).toEqual([{ trigger: 'signIn', user: true }, { trigger: undefined, user: false }, { trigger: undefined, user: false }])
  })
})

claim('jwt-runs-on-session-read', ['v5'], () => {
  it('every GET /api/auth/session runs the jwt callback once', async () => {
    const jwt = recording()
    const c = await auth([], { jwt })('Ada')
    const before = jwt.mock.calls.length
    for (let i = 0; i < 3; i++) await c.session()
    expect(jwt.mock.calls.length - before).toBe(3)
  })
})

claim('v5-middleware-runs-jwt', ['v5'], () => {
  it('auth() as middleware runs the jwt callback on every matched request and sets the session cookie again', async () => {
    const c = await auth([])('Ada')
    const { gate, jwt } = middlewareWith({ jwt: async ({ token }) => token })
    for (let i = 0; i < 3; i++) expect((await gate(c.cookieHeader())).setCookie).toMatch(/^authjs\.session-token=/m)
    expect(jwt).toHaveBeenCalledTimes(3)
  })
})

claim('v5-middleware-assumes-https', ['v5'], () => {
  it('auth() as middleware hands the session as req.auth, and with no x-forwarded-proto looks for __Secure-authjs.session-token', async () => {
    const c = await auth([])('Ada')
    const cookie = `authjs.session-token=${c.jar.get('authjs.session-token')}`
    const { auth: wrap } = NextAuth({ providers: [signInProvider] })
    const seen: unknown[] = []
    const mw = wrap((req) => {
      seen.push(req.auth)
      return NextResponse.next()
    })
    const run = (headers: Record<string, string>) => mw(new NextRequest('http://localhost:3000/explore', { headers: { cookie, ...headers } }), {} as never)
    await run({ 'x-forwarded-proto': 'http' })
    await run({})
    expect(seen[0]).toMatchObject({ user: { name: 'Ada' } })
    expect(seen[1]).toBeNull()
  })
})
