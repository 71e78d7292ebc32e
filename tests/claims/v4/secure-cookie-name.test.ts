// The one-request update must write the cookie under exactly the name next-auth 4 itself gave the session on the
// same request: next-auth's real handler signs in (and names the cookie), then content/v4/reissue-session.ts answers
// the mutation. The name depends on NEXTAUTH_URL, or, with none, on VERCEL / AUTH_TRUST_HOST and the request's
// X-Forwarded-Proto (next-auth/utils/detect-origin.js:7-12, core/init.js:60). A helper that looked at NEXTAUTH_URL
// alone wrote a bare-named cookie on Vercel, which the gate never read: the update was lost.
import { afterEach, describe, expect, it } from 'vitest'
import pagesRoute from '@/content/v4/reissue-session-pages-route'
import { callbacks } from '@/content/v4/update-callbacks'
import { Client } from '../../support/client'
import { serve } from '../../snippets/v4/setup'
import { claim } from '../support/claim'

const ROUTES = { '/api/onboarding/complete': pagesRoute }
const SECURE = '__Secure-next-auth.session-token'
const BARE = 'next-auth.session-token'
const saved = { NEXTAUTH_URL: process.env.NEXTAUTH_URL, VERCEL: process.env.VERCEL, AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST }
afterEach(() => {
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
})

/** A browser behind a TLS proxy: every request carries the proxy's forwarded headers. */
const forwarded = (proto: string): typeof fetch => (input, init) => {
  const headers = new Headers(init?.headers)
  headers.set('x-forwarded-proto', proto)
  return fetch(input, { ...init, headers })
}

type Setting = { env: Record<string, string | undefined>; proto: string; name: string }
const settings: Record<string, Setting> = {
  'NEXTAUTH_URL https': { env: { NEXTAUTH_URL: 'https://app.example' }, proto: 'http', name: SECURE },
  'NEXTAUTH_URL without a scheme (next-auth reads it as https)': { env: { NEXTAUTH_URL: 'app.example' }, proto: 'http', name: SECURE },
  'VERCEL=1, no URL, forwarded https': { env: { NEXTAUTH_URL: undefined, VERCEL: '1' }, proto: 'https', name: SECURE },
  'AUTH_TRUST_HOST=true, no URL, forwarded https': { env: { NEXTAUTH_URL: undefined, AUTH_TRUST_HOST: 'true' }, proto: 'https', name: SECURE },
  'AUTH_TRUST_HOST=true, no URL, forwarded http': { env: { NEXTAUTH_URL: undefined, AUTH_TRUST_HOST: 'true' }, proto: 'http', name: BARE },
  'plain http (NEXTAUTH_URL http)': { env: {}, proto: 'http', name: BARE },
  'no URL, host not trusted, forwarded https (next-auth ignores the header)': { env: { NEXTAUTH_URL: undefined }, proto: 'https', name: BARE },
}

async function signedIn(setting: Setting) {
  const { url } = await serve([], callbacks, ROUTES)
  for (const [key, value] of Object.entries(setting.env)) {
    if (value === undefined) delete process.env[key]
    else process.env[key] = value
  }
  const c = new Client(url, forwarded(setting.proto))
  const reply = await c.callback('sign-in', { name: 'Ada' })
  expect(reply.status).toBe(200)
  return c
}

claim('v4-secure-cookie-per-request', ['v4'], () => {
  describe('the re-issued cookie has the name next-auth gave the session', () => {
    for (const [label, setting] of Object.entries(settings)) {
      it(label, async () => {
        const c = await signedIn(setting)
        // next-auth's own handler named the session cookie: that is the name the update must use.
        expect([...c.jar.keys()].filter((k) => k.includes('session-token'))).toEqual([setting.name])
        const reply = await c.request('/api/onboarding/complete', { method: 'POST' })
        expect(reply.status, reply.text).toBe(200)
        const lines = reply.headers.getSetCookie()
        expect(lines.map((l) => l.slice(0, l.indexOf('=')))).toEqual([setting.name])
        expect(/;\s*Secure/i.test(lines[0])).toBe(setting.name === SECURE)
        // No cookie under the other name was ever set; next-auth reads the update with no further request.
        expect([...c.jar.keys()].filter((k) => k.includes('session-token'))).toEqual([setting.name])
        expect((await c.session()).user.onboardingStep).toBe('COMPLETED')
      })
    }

    it('expires every chunk of the __Secure- session the browser still holds, and nothing under the bare name', async () => {
      const c = await signedIn(settings['VERCEL=1, no URL, forwarded https'])
      const value = c.jar.get(SECURE)!
      c.jar.delete(SECURE)
      c.jar.set(`${SECURE}.0`, value.slice(0, 300))
      c.jar.set(`${SECURE}.1`, value.slice(300))
      const reply = await c.request('/api/onboarding/complete', { method: 'POST' })
      expect(reply.status, reply.text).toBe(200)
      const names = reply.headers.getSetCookie().map((l) => l.slice(0, l.indexOf('=')))
      expect(names.sort()).toEqual([SECURE, `${SECURE}.0`, `${SECURE}.1`])
      expect([...c.jar.keys()].filter((k) => k.includes('session-token'))).toEqual([SECURE])
      expect((await c.session()).user.onboardingStep).toBe('COMPLETED')
    })

    it('a chunk under a name no Set-Cookie can carry: 400 with a message, the cookie left as it was', async () => {
      const c = await signedIn(settings['plain http (NEXTAUTH_URL http)'])
      // next-auth joins it (empty) to the session, so the session still decodes; `serialize` cannot write its name.
      c.jar.set(`${BARE}.0(x)`, '')
      const reply = await c.request('/api/onboarding/complete', { method: 'POST' })
      expect(reply.status).toBe(400)
      expect(reply.json.error).toMatch(/cookie named "next-auth\.session-token\.0\(x\)".*clear this site's cookies/)
      expect(reply.headers.getSetCookie()).toEqual([])
    })
  })
})
