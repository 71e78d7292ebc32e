// Writing a session cookie from outside next-auth's handler (the gate's refreshed token, a new policy), the
// way next-auth v4 writes it: its own `encode`, same secret and maxAge, same name and attributes
// (next-auth/core/lib/cookie.js defaultCookies: httpOnly, SameSite=Lax, path /, Secure on https).
import { encode, type JWT } from 'next-auth/jwt'
import type { RequestHeaders } from '@/content/v4/reissue-session'
import { SESSION_COOKIE_MAX_BYTES } from '../cookie-budget'
import { authSecret, useSecureCookies } from '../secret'
import { sessionCookieName } from '../session-cookie'

/** next-auth's default session maxAge (30 days); authOptions sets none. */
export const SESSION_MAX_AGE = 30 * 24 * 60 * 60

export interface SessionCookie {
  name: string
  value: string
  options: { httpOnly: true; sameSite: 'lax'; path: '/'; secure: boolean; expires: Date }
}

/** The cookie for `token`, or null when it would not fit in one cookie (the demo never writes chunks). */
export async function sessionCookieFor(token: JWT, headers?: RequestHeaders): Promise<SessionCookie | null> {
  const value = await encode({ token, secret: authSecret(), maxAge: SESSION_MAX_AGE })
  if (Buffer.byteLength(value) > SESSION_COOKIE_MAX_BYTES) return null
  return {
    name: sessionCookieName(headers),
    value,
    options: { httpOnly: true, sameSite: 'lax', path: '/', secure: useSecureCookies(headers), expires: new Date(Date.now() + SESSION_MAX_AGE * 1000) },
  }
}
