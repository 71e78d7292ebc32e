// The one-request update ("in the mutation's response"): the route that wrote the row also writes the
// new session cookie, so no request after the mutation is needed to change the token.
// It does by hand what next-auth v4's GET /api/auth/session does (next-auth/core/routes/session.js:73-81):
// encode with the same secret and maxAge, then set the cookie under next-auth's own name and options.
import type { NextApiRequest, NextApiResponse } from 'next'
import { serialize } from 'cookie'
import { encode, type JWT } from 'next-auth/jwt'
import { tokenFromRow } from './claims'
import { SESSION_COOKIE_MAX_BYTES } from './cookie-budget'
import { authSecret, useSecureCookies } from './secret'
import { SESSION_MAX_AGE } from './session-max-age'
import { sessionCookieName } from './session-cookie'
import type { UserRow } from './users'

/** A refusal the route answers as 413 with this message; the cookie is left as it was. */
export class SessionTooLarge extends Error {}

/**
 * Re-issues the caller's session from `row`, the row the mutation just wrote (never from the request body).
 * `token` is the caller's current token, already decoded by the route; only the row's claims change.
 */
export async function reissueSession(req: NextApiRequest, res: NextApiResponse, token: JWT, row: UserRow): Promise<JWT> {
  const next = tokenFromRow(token, row)
  // encode() sets iat, exp (now + maxAge) and a new jti, as next-auth's own session route does.
  const value = await encode({ token: next, secret: authSecret(), maxAge: SESSION_MAX_AGE })
  if (Buffer.byteLength(value) > SESSION_COOKIE_MAX_BYTES) {
    throw new SessionTooLarge(
      `Refused: this session would need a ${Buffer.byteLength(value)}-byte cookie, more than the ${SESSION_COOKIE_MAX_BYTES} bytes one cookie holds. Your session is unchanged.`,
    )
  }
  const secure = useSecureCookies()
  // next-auth v4's sessionToken cookie options (next-auth/core/lib/cookie.js:20-28); the session route adds
  // `expires` (core/routes/session.js:78). The `__Secure-` prefix comes with secure, on https.
  const options = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const
  const name = sessionCookieName()
  // A browser that holds a chunked session (name.0, name.1, …) would keep sending the old chunks, and
  // next-auth joins chunks before the plain cookie: expire every chunk, as next-auth's SessionStore.clean() does.
  const stale = Object.keys(req.cookies).filter((key) => key.startsWith(`${name}.`))
  res.appendHeader('Set-Cookie', [
    ...stale.map((key) => serialize(key, '', { ...options, maxAge: 0 })),
    serialize(name, value, { ...options, expires: new Date(Date.now() + SESSION_MAX_AGE * 1000) }),
  ])
  return next
}
