// The re-issued cookie's name, per request, against next-auth's real session route: for each way next-auth
// can pick its cookie names (NEXTAUTH_URL, a trusted host with X-Forwarded-Proto, useSecureCookies), the cookie
// lib/reissue-session.ts writes must be the one next-auth reads back and sets again, and under the other name
// next-auth must not find it (so the name is what is being tested).
import { decode } from 'next-auth/jwt'
import { afterEach, describe, expect, it } from 'vitest'
import { authOptions } from '../../lib/auth-options'
import { sessionCookiesFor } from '../../lib/reissue-session'
import { usesSecureCookies } from '../../lib/secure-cookies'
import { readSessionToken, sessionCookieName } from '../../lib/session-cookie'
import type { UserRow } from '../../lib/users'
import { callNextAuth } from '../support/call-next-auth'

const secret = process.env.NEXTAUTH_SECRET!
const row: UserRow = { id: 'u1', email: 'a@example.com', name: 'a', role: 'user', onboardingStep: 'COMPLETED', version: 2 }
const current = { sub: 'u1', sid: 's1', role: 'user', onboardingStep: 'INITIAL', ver: 1, email: 'a@example.com' }
const SETTINGS = ['NEXTAUTH_URL', 'AUTH_TRUST_HOST', 'VERCEL'] as const
const saved = Object.fromEntries(SETTINGS.map((k) => [k, process.env[k]]))
afterEach(() => {
  for (const k of SETTINGS) if (saved[k] === undefined) delete process.env[k]
  else (process.env as Record<string, string | undefined>)[k] = saved[k]
})

const PROXIED = { host: '127.0.0.1:3000', 'x-forwarded-host': 'app.example' }
const CASES: { name: string; env: Record<string, string>; headers: Record<string, string>; secure: boolean }[] = [
  { name: 'NEXTAUTH_URL https', env: { NEXTAUTH_URL: 'https://app.example' }, headers: { host: 'localhost:3000' }, secure: true },
  { name: 'NEXTAUTH_URL https without a scheme (next-auth prepends https://)', env: { NEXTAUTH_URL: 'app.example' }, headers: {}, secure: true },
  { name: 'NEXTAUTH_URL http', env: { NEXTAUTH_URL: 'http://localhost:3000' }, headers: { host: 'localhost:3000' }, secure: false },
  { name: 'NEXTAUTH_URL https, even when a trusted proxy says http', env: { NEXTAUTH_URL: 'https://app.example', AUTH_TRUST_HOST: 'true' }, headers: { ...PROXIED, 'x-forwarded-proto': 'http' }, secure: true },
  { name: 'trusted host (AUTH_TRUST_HOST), X-Forwarded-Proto https, no URL', env: { AUTH_TRUST_HOST: 'true' }, headers: { ...PROXIED, 'x-forwarded-proto': 'https' }, secure: true },
  { name: 'trusted host (AUTH_TRUST_HOST), X-Forwarded-Proto http, no URL', env: { AUTH_TRUST_HOST: 'true' }, headers: { ...PROXIED, 'x-forwarded-proto': 'http' }, secure: false },
  { name: 'Vercel (VERCEL=1), no X-Forwarded-Proto: next-auth assumes https', env: { VERCEL: '1' }, headers: { host: 'app.vercel.app' }, secure: true },
  { name: 'untrusted host: X-Forwarded-Proto https is ignored', env: {}, headers: { ...PROXIED, 'x-forwarded-proto': 'https' }, secure: false },
  { name: 'nothing set (development)', env: {}, headers: { host: 'localhost:3000' }, secure: false },
]

describe.each(CASES)('$name', ({ env, headers, secure }) => {
  it(`names the session cookie ${secure ? '__Secure-' : ''}next-auth.session-token, as next-auth does for this request`, async () => {
    for (const k of SETTINGS) delete process.env[k]
    Object.assign(process.env, env)
    expect(usesSecureCookies(headers)).toBe(secure)
    const [cookie, ...stale] = await sessionCookiesFor({ current, row, requestCookieNames: [`${sessionCookieName(secure)}.0`], secure: usesSecureCookies(headers) })
    expect(cookie.name).toBe(sessionCookieName(secure))
    expect(cookie.options.secure).toBe(secure)
    // The chunk the browser held is expired under the same name family, with the same flags.
    expect(stale.map((c) => [c.name, c.options.maxAge, c.options.secure])).toEqual([[`${cookie.name}.0`, 0, secure]])

    // next-auth's own session route, same request, same settings: it reads our cookie and sets it again under its name.
    const ours = await callNextAuth(authOptions, { path: 'session', headers: { ...headers, cookie: `${cookie.name}=${cookie.value}` } })
    expect(ours.body).toMatchObject({ user: { id: 'u1', onboardingStep: 'COMPLETED' } })
    expect(ours.setCookies).toContain(cookie.name)
    // Under the other name next-auth finds no session: the name is what decides.
    const other = sessionCookieName(!secure)
    const theirs = await callNextAuth(authOptions, { path: 'session', headers: { ...headers, cookie: `${other}=${cookie.value}` } })
    expect(theirs.body).toEqual({})
    // And the starter's own reader (proxy, ticket provider, mutation) follows the same request to the same cookie.
    expect(await readSessionToken({ ...headers, cookie: `${cookie.name}=${cookie.value}` })).toMatchObject({ sub: 'u1' })
    expect(await readSessionToken({ ...headers, cookie: `${other}=${cookie.value}` })).toBeNull()
    expect(await decode({ token: cookie.value, secret })).toMatchObject({ onboardingStep: 'COMPLETED' })
  })
})

describe('authOptions.useSecureCookies, when configured, wins over what the request says', () => {
  for (const configured of [true, false]) {
    it(`useSecureCookies: ${configured}`, async () => {
      for (const k of SETTINGS) delete process.env[k]
      process.env.NEXTAUTH_URL = configured ? 'http://localhost:3000' : 'https://app.example'
      expect(usesSecureCookies({}, configured)).toBe(configured)
      const [cookie] = await sessionCookiesFor({ current, row, requestCookieNames: [], secure: usesSecureCookies({}, configured) })
      const res = await callNextAuth({ ...authOptions, useSecureCookies: configured }, { path: 'session', headers: { cookie: `${cookie.name}=${cookie.value}` } })
      expect(res.setCookies).toContain(cookie.name)
    })
  }
})
