// With an https public URL Better Auth names every session cookie __Secure-… and marks it Secure
// (createCookieGetter: advanced.useSecureCookies, set from BETTER_AUTH_URL's scheme), and the gate must read the
// cookie cache under that same name. Plain HTTP on loopback with the https origin stated, as a TLS proxy would pass it.
import { afterAll, beforeAll, expect, it } from 'vitest'
import { type AppServer, buildIfNeeded, freePort, startApp } from '../support/server'

let server: AppServer
let origin: string

beforeAll(async () => {
  buildIfNeeded()
  const port = await freePort()
  origin = `https://localhost:${port}`
  server = await startApp({ PORT: String(port), BETTER_AUTH_URL: origin })
})
afterAll(() => server?.stop())

const cookieHeader = (setCookies: string[]) => setCookies.map((c) => c.split(';')[0]).join('; ')

it('https public URL: only __Secure- session cookies, Secure, and the gate reads them', async () => {
  const signUp = await fetch(`${server.base}/api/auth/sign-up/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin },
    body: JSON.stringify({ email: `secure-${Date.now()}@example.com`, password: 'correct horse battery staple', name: 's' }),
  })
  expect(signUp.status).toBe(200)
  const set = signUp.headers.getSetCookie()
  const names = set.map((c) => c.split('=')[0])
  expect(names).toEqual(expect.arrayContaining(['__Secure-better-auth.session_token', '__Secure-better-auth.session_data']))
  expect(names.every((n) => n.startsWith('__Secure-'))).toBe(true)
  for (const c of set) expect(c).toMatch(/;\s*Secure/i)

  let cookie = cookieHeader(set)
  const gate = (path: string) => fetch(`${server.base}${path}`, { headers: { cookie }, redirect: 'manual' })
  const before = await gate('/dashboard')
  expect(before.status).toBe(307)
  expect(before.headers.get('location')).toMatch(/\/onboarding$/)

  const complete = await fetch(`${server.base}/api/onboarding/complete`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin, cookie },
    body: '{}',
  })
  expect(complete.status).toBe(200)
  const reissued = complete.headers.getSetCookie()
  expect(reissued.map((c) => c.split('=')[0])).toContain('__Secure-better-auth.session_data')
  cookie = cookieHeader([...set.filter((c) => !c.startsWith('__Secure-better-auth.session_data=')), ...reissued])
  const after = await gate('/dashboard')
  expect(after.status).toBe(200)
  // Passed on the cache alone: the gate re-issues nothing when the cache lets the user through.
  expect(after.headers.getSetCookie()).toEqual([])
})
