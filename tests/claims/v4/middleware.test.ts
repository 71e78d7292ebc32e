// next-auth 4's middleware (withAuth), given a real session cookie from its real handler.
import { decode } from 'next-auth/jwt'
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
