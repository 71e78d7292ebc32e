// What every v5 snippet test needs: a secret, a real first sign-in, and Auth.js answering plain Requests.
import NextAuth, { type NextAuthConfig } from 'next-auth'
import { NextRequest, NextResponse } from 'next/server'
import { vi } from 'vitest'
import Credentials from 'next-auth/providers/credentials'
import { authFetch } from '@/content/v5/testing/auth-fetch'
import { Client } from '../../support/client'
import { firstSignIn } from '../support/first-sign-in'

// An AUTH_URL/NEXTAUTH_URL would decide the origin (and cookie names) instead of the request.
delete process.env.NEXTAUTH_URL
process.env.AUTH_SECRET = 'v5-snippet-tests-secret-0123456789abcdef'

export const ORIGIN = 'http://localhost:3000'

export const signInProvider = Credentials({
  id: 'sign-in',
  credentials: { name: {} },
  authorize: (credentials) => firstSignIn(credentials.name) as never,
})

/** `more`: other options (events, …) beside the providers and callbacks. */
export function auth(providers: NextAuthConfig['providers'], callbacks?: NextAuthConfig['callbacks'], more?: Partial<NextAuthConfig>) {
  // Refusals are the point of these tests: keep their stack traces out of the output.
  const logger = { error() {} }
  const fetch = authFetch({ ...more, secret: process.env.AUTH_SECRET, providers: [signInProvider, ...providers], callbacks, logger })
  return async (name?: string) => {
    const c = new Client(ORIGIN, fetch)
    if (name) {
      const reply = await c.callback('sign-in', { name })
      if (reply.status !== 302 || !c.jar.has('authjs.session-token')) throw new Error(`sign-in failed: ${reply.status} ${reply.location}`)
    }
    return c
  }
}

/** Where a v5 credentials callback sent the browser, and the error it names, if any. */
export function outcome(reply: { location: string | null }) {
  const url = new URL(reply.location ?? ORIGIN)
  return { path: url.pathname, error: url.searchParams.get('error'), code: url.searchParams.get('code') }
}

/**
 * next-auth 5's auth() as middleware (auth(handler)), with `callbacks`, counting how often it runs the jwt callback:
 * `gate(cookie)` sends one page request through it and says where it went and what cookie it set.
 */
export function middlewareWith(callbacks: NextAuthConfig['callbacks']) {
  const jwt = vi.fn(callbacks!.jwt!)
  const { auth: authjs } = NextAuth({ providers: [signInProvider], callbacks: { ...callbacks, jwt } })
  const mw = authjs((req) => (req.auth ? NextResponse.next() : NextResponse.redirect(new URL('/signin', req.url))))
  const gate = async (cookie: string) => {
    const res = (await mw(new NextRequest(`${ORIGIN}/explore`, { headers: { cookie, 'x-forwarded-proto': 'http' } }), {} as never)) as Response
    const location = res.headers.get('location')
    return { to: location ? new URL(location).pathname : 'through', setCookie: res.headers.getSetCookie().join('\n') }
  }
  return { gate, jwt }
}
