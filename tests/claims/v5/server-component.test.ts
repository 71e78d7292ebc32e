// auth() with no argument, as a React Server Component calls it (next-auth 5 lib/index.js: getSession(headers())).
// Only Next's request context is stood in for (next/headers: the request's headers, and a cookies() that records
// writes); next-auth and @auth/core are the real ones.
import NextAuth, { type NextAuthConfig } from 'next-auth'
import { expect, it, vi } from 'vitest'
import { auth as signedInClient } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

const request = vi.hoisted(() => ({ headers: new Headers(), cookieWrites: [] as string[] }))
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({ set: (name: string) => void request.cookieWrites.push(name), get: () => undefined, getAll: () => [] }),
}))

claim('v5-server-component-cookie-dropped', ['v5'], () => {
  it('runs the jwt callback (a re-read reaches the session it returns), and the cookie it re-issues is set nowhere', async () => {
    const callbacks: NextAuthConfig['callbacks'] = {
      jwt: ({ token }) => ({ ...token, reread: 'from the row' }),
      session: ({ session, token }) => ({ ...session, reread: token.reread }),
    }
    const c = await signedInClient([], callbacks)('Ada')
    request.headers = new Headers({ cookie: c.cookieHeader(), 'x-forwarded-proto': 'http', host: 'localhost:3000' })
    const { auth } = NextAuth({ secret: process.env.AUTH_SECRET, providers: [], callbacks, trustHost: true })
    const session = (await (auth as () => Promise<Record<string, unknown> | null>)()) ?? {}
    expect(session.reread).toBe('from the row')
    expect(request.cookieWrites).toEqual([])
  })
})
