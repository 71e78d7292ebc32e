// The one-request update: the mutation's own response carries the new session cookie, so the browser
// needs no further request to hold the new claims. Written to match next-auth 4.24 exactly:
//   cookie name and options  - next-auth/core/lib/cookie.js defaultCookies (httpOnly, SameSite=lax, path=/,
//                              Secure and the `__Secure-` prefix when next-auth uses secure cookies for this
//                              request: lib/secure-cookies.ts decides it as next-auth's core/init.js:60 does)
//   value                    - next-auth/jwt encode() with the same secret and maxAge as authOptions
//   expiry                   - now + session maxAge, as next-auth's session route sets it
//   one cookie at most       - next-auth splits values over 4096 - 163 bytes into `.0`, `.1`... chunks
//                              (core/lib/cookie.js CHUNK_SIZE); we refuse instead and clear stale chunks.
import { serialize } from 'cookie'
import type { NextApiRequest, NextApiResponse } from 'next'
import { encode, type JWT } from 'next-auth/jwt'
import type { NextRequest, NextResponse } from 'next/server'
import { SESSION_MAX_AGE } from './auth-options'
import { tokenWithRow } from './claims'
import { authSecret } from './secret'
import { usesSecureCookies } from './secure-cookies'
import { readSessionToken, sessionCookieName, sessionCookieParts } from './session-cookie'
import type { UserRow } from './users'

/** next-auth v4's CHUNK_SIZE: the largest value it writes as one cookie. */
export const MAX_SESSION_COOKIE_BYTES = 4096 - 163

export class NoSession extends Error {}
export class SessionTooLarge extends Error {}

type CookieOptions = { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; expires?: Date; maxAge?: number }
export type SessionCookie = { name: string; value: string; options: CookieOptions }

/**
 * The cookies to set: the session re-encoded with the row's claims (never the request body's), and an
 * expired cookie for every chunk (`name.0`, `name.1`, ...) the browser still holds.
 */
export async function sessionCookiesFor(input: {
  current: JWT
  row: UserRow
  requestCookieNames: string[]
  /** usesSecureCookies(request headers): the name and Secure flag next-auth uses for this request */
  secure: boolean
}): Promise<SessionCookie[]> {
  const { secure } = input
  const name = sessionCookieName(secure)
  const value = await encode({ token: tokenWithRow(input.current, input.row), secret: authSecret(), maxAge: SESSION_MAX_AGE })
  if (value.length > MAX_SESSION_COOKIE_BYTES) {
    throw new SessionTooLarge(
      `The new session would need a ${value.length}-byte cookie, more than the ${MAX_SESSION_COOKIE_BYTES} bytes one cookie holds. Your session is unchanged.`,
    )
  }
  const base = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const
  const stale = sessionCookieParts(Object.fromEntries(input.requestCookieNames.map((n) => [n, ''])), name)
    .filter((part) => part !== name)
    .map((part) => ({ name: part, value: '', options: { ...base, maxAge: 0 } }))
  return [{ name, value, options: { ...base, expires: new Date(Date.now() + SESSION_MAX_AGE * 1000) } }, ...stale]
}

/** Pages API route: call after the mutation wrote `row`. Throws NoSession / SessionTooLarge (no cookie set). */
export async function reissueSession(req: NextApiRequest, res: NextApiResponse, row: UserRow): Promise<void> {
  const current = await readSessionToken(req.headers)
  if (!current || current.sub !== row.id) throw new NoSession('No session for this user.')
  const secure = usesSecureCookies(req.headers)
  const cookies = await sessionCookiesFor({ current, row, requestCookieNames: Object.keys(req.cookies), secure })
  const already = res.getHeader('Set-Cookie') ?? []
  res.setHeader('Set-Cookie', [
    ...(Array.isArray(already) ? already : [String(already)]),
    ...cookies.map((c) => serialize(c.name, c.value, c.options)),
  ])
}

/** App Router route handler: the same, on a NextResponse. */
export async function reissueSessionOn(req: NextRequest, res: NextResponse, row: UserRow): Promise<void> {
  const current = await readSessionToken(req.headers)
  if (!current || current.sub !== row.id) throw new NoSession('No session for this user.')
  const secure = usesSecureCookies(req.headers)
  const cookies = await sessionCookiesFor({ current, row, requestCookieNames: req.cookies.getAll().map((c) => c.name), secure })
  for (const c of cookies) res.cookies.set(c.name, c.value, c.options)
}
