// next-auth 4's middleware (withAuth), given a real session cookie from its real handler.
import { decode, getToken } from 'next-auth/jwt'
import { withAuth, type NextRequestWithAuth } from 'next-auth/middleware'
import { NextRequest, NextResponse } from 'next/server'
import { expect, it, vi } from 'vitest'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

claim('v4-middleware-only-decrypts', ['v4'], () => {
  it('withAuth hands over the cookie’s token as it is: the jwt callback of the handler never runs, no cookie is set', async () => {
    const jwt = vi.fn(async ({ token }) => token)
    const { url, client } = await serve([], { jwt })
    const c = await client('Ada')
    const calls = jwt.mock.calls.length
    let seen: unknown
    const gate = withAuth((req: NextRequestWithAuth) => {
      seen = req.nextauth.token
      return NextResponse.next()
    })
    const res = (await gate(new NextRequest(`${url}/explore`, { headers: { cookie: c.cookieHeader() } }) as NextRequestWithAuth, {} as never)) as Response
    expect(seen).toEqual(await decode({ token: c.jar.get('next-auth.session-token'), secret: process.env.NEXTAUTH_SECRET! }))
    expect(jwt.mock.calls.length).toBe(calls)
    expect(res.headers.getSetCookie()).toEqual([])
  })
})

claim('v4-withauth-signin-page', ['v4'], () => {
  it('with no token withAuth redirects to /api/auth/signin, or to the page its own options name (not authOptions)', async () => {
    const request = () => new NextRequest('http://localhost:3000/explore') as NextRequestWithAuth
    const bare = (await withAuth(() => NextResponse.next())(request(), {} as never)) as Response
    expect(new URL(bare.headers.get('location')!).pathname).toBe('/api/auth/signin')
    const own = (await withAuth(() => NextResponse.next(), { pages: { signIn: '/signin' } })(request(), {} as never)) as Response
    expect(new URL(own.headers.get('location')!).pathname).toBe('/signin')
  })
})

claim('v4-gettoken-secure-cookie', ['v4'], () => {
  it('a __Secure- session cookie is found by getToken only with secureCookie: true when NEXTAUTH_URL is http', async () => {
    const { client } = await serve([])
    const c = await client('Ada')
    const req = new NextRequest('http://localhost:3000/explore', { headers: { cookie: `__Secure-next-auth.session-token=${c.jar.get('next-auth.session-token')}` } })
    const secret = process.env.NEXTAUTH_SECRET
    expect(await getToken({ req, secret })).toBeNull()
    expect(await getToken({ req, secret, secureCookie: true })).toMatchObject({ name: 'Ada' })
  })
})
