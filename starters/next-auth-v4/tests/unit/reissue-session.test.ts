// The one-request helper against next-auth's own reader: what it writes, getToken must read back.
import { decode, getToken } from 'next-auth/jwt'
import { describe, expect, it } from 'vitest'
import { MAX_SESSION_COOKIE_BYTES, SessionTooLarge, sessionCookiesFor } from '../../lib/reissue-session'
import type { UserRow } from '../../lib/users'

const secret = process.env.NEXTAUTH_SECRET!
const row: UserRow = { id: 'u1', email: 'a@example.com', name: 'a', role: 'user', onboardingStep: 'COMPLETED', version: 2 }
const current = { sub: 'u1', sid: 's1', role: 'user', onboardingStep: 'INITIAL', ver: 1, email: 'a@example.com' }

describe('sessionCookiesFor', () => {
  it('writes next-auth’s cookie on http: no prefix, httpOnly, lax, path /, not Secure, 30-day expiry', async () => {
    const [cookie] = await sessionCookiesFor({ current, row, requestCookieNames: [], secure: false })
    expect(cookie.name).toBe('next-auth.session-token')
    expect(cookie.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: false })
    const days = (cookie.options.expires!.getTime() - Date.now()) / 86_400_000
    expect(days).toBeGreaterThan(29.9)
    expect(days).toBeLessThanOrEqual(30)
    const read = await getToken({ req: { cookies: { [cookie.name]: cookie.value }, headers: {} } as never, secret })
    expect(read).toMatchObject({ sub: 'u1', sid: 's1', onboardingStep: 'COMPLETED', ver: 2 })
  })

  it('uses the __Secure- prefix and Secure on https, and next-auth reads it only as the secure cookie', async () => {
    const [cookie] = await sessionCookiesFor({ current, row, requestCookieNames: [], secure: true })
    expect(cookie.name).toBe('__Secure-next-auth.session-token')
    expect(cookie.options.secure).toBe(true)
    const req = { cookies: { [cookie.name]: cookie.value }, headers: {} } as never
    expect(await getToken({ req, secret, secureCookie: true })).toMatchObject({ onboardingStep: 'COMPLETED' })
    expect(await getToken({ req, secret, secureCookie: false })).toBeNull()
  })

  it('takes the claims from the row only, and keeps the session id', async () => {
    const forged = { ...current, role: 'admin' }
    const [cookie] = await sessionCookiesFor({ current: forged, row, requestCookieNames: [], secure: false })
    const token = await decode({ token: cookie.value, secret })
    expect(token).toMatchObject({ role: 'user', onboardingStep: 'COMPLETED', ver: 2, sid: 's1' })
  })

  it('expires every stale chunk the request carried, and nothing else', async () => {
    const names = ['next-auth.session-token.0', 'next-auth.session-token.1', 'next-auth.csrf-token', 'next-auth.session-token.x']
    const cookies = await sessionCookiesFor({ current, row, requestCookieNames: names, secure: false })
    expect(cookies.slice(1).map((c) => [c.name, c.value, c.options.maxAge])).toEqual([
      ['next-auth.session-token.0', '', 0],
      ['next-auth.session-token.1', '', 0],
    ])
  })

  it('refuses a token that would need more than one cookie', async () => {
    const big = { ...current, padding: 'x'.repeat(MAX_SESSION_COOKIE_BYTES) }
    await expect(sessionCookiesFor({ current: big, row, requestCookieNames: [], secure: false })).rejects.toBeInstanceOf(SessionTooLarge)
  })
})
