// next-auth 5 inside a Next.js request: auth() with no argument, as a React Server Component calls it
// (lib/index.js: getSession(headers())), and unstable_update (lib/actions.js). Only Next's request context is stood
// in for (next/headers: the request's headers, and a cookies() that records writes); next-auth and @auth/core are
// the real ones.
import NextAuth, { type NextAuthConfig } from 'next-auth'
import { expect, it, vi } from 'vitest'
import { auth as signedInClient } from '../../snippets/v5/setup'
import { claim } from '../support/claim'

// `readOnly`: cookies() as Next hands it to a Server Component, whose set() throws.
const request = vi.hoisted(() => ({ headers: new Headers(), cookieWrites: [] as string[], readOnly: false }))
const asRequest = (cookie: string) => {
  request.headers = new Headers({ cookie, 'x-forwarded-proto': 'http', host: 'localhost:3000' })
  request.cookieWrites = []
  request.readOnly = false
}
vi.mock('next/headers', () => ({
  headers: async () => request.headers,
  cookies: async () => ({
    set: (name: string) => {
      if (request.readOnly) throw new Error('Cookies can only be modified in a Server Action or Route Handler.')
      request.cookieWrites.push(name)
    },
    get: () => undefined,
    getAll: () => [],
  }),
}))

claim('v5-server-component-cookie-dropped', ['v5'], () => {
  it('runs the jwt callback (a re-read reaches the session it returns), and the cookie it re-issues is set nowhere', async () => {
    const callbacks: NextAuthConfig['callbacks'] = {
      jwt: ({ token }) => ({ ...token, reread: 'from the row' }),
      session: ({ session, token }) => ({ ...session, reread: token.reread }),
    }
    const c = await signedInClient([], callbacks)('Ada')
    asRequest(c.cookieHeader())
    const { auth } = NextAuth({ secret: process.env.AUTH_SECRET, providers: [], callbacks, trustHost: true })
    const session = (await (auth as () => Promise<Record<string, unknown> | null>)()) ?? {}
    expect(session.reread).toBe('from the row')
    expect(request.cookieWrites).toEqual([])
  })
})

claim('v5-unstable-update-in-process', ['v5'], () => {
  it('unstable_update runs the jwt callback with trigger "update" in process, no CSRF token, and sets the cookie through cookies()', async () => {
    const triggers: (string | undefined)[] = []
    const sessions: unknown[] = []
    const callbacks: NextAuthConfig['callbacks'] = {
      jwt: ({ token, trigger, session }) => {
        triggers.push(trigger)
        if (trigger === 'update') sessions.push(session)
        return trigger === 'update' ? { ...token, step: 'COMPLETED' } : token
      },
    }
    const c = await signedInClient([], callbacks)('Ada')
    asRequest(`authjs.session-token=${c.jar.get('authjs.session-token')}`) // the session cookie only: no CSRF cookie, no token
    const { unstable_update } = NextAuth({ secret: process.env.AUTH_SECRET, providers: [], callbacks, trustHost: true })
    triggers.length = 0
    await unstable_update({ user: { name: 'data' } })
    expect(triggers).toEqual(['update'])
    expect(sessions).toEqual([{ user: { name: 'data' } }]) // its data reaches the callback as `session`
    expect(request.cookieWrites).toContain('authjs.session-token')
  })
})

claim('v5-unstable-update-throws-in-server-component', ['v5'], () => {
  it('where cookies cannot be set (a Server Component render), unstable_update throws', async () => {
    const c = await signedInClient([])('Ada')
    asRequest(`authjs.session-token=${c.jar.get('authjs.session-token')}`)
    request.readOnly = true
    const { unstable_update } = NextAuth({ secret: process.env.AUTH_SECRET, providers: [], trustHost: true })
    await expect(unstable_update({})).rejects.toThrow(/Server Action or Route Handler/)
  })
})
