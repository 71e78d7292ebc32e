// The one-request update ("in the mutation's response"): the route that wrote the row also writes the new
// session cookie, so no request after the mutation is needed to change the token. The cookie itself is written
// by the guide's own helper (content/v4/reissue-session.ts), so the production server runs the code readers copy.
// That helper does by hand what next-auth v4's GET /api/auth/session does (next-auth/core/routes/session.js:73-81):
// encode with the same secret and maxAge, Set-Cookie under next-auth's name and options, stale chunks expired.
import type { NextApiRequest, NextApiResponse } from 'next'
import type { JWT } from 'next-auth/jwt'
import { CookieNameError, SessionTooLargeError, sessionCookies } from '@/content/v4/reissue-session'
import { tokenFromRow } from './claims'
import { authSecret } from './secret'
import { SESSION_MAX_AGE } from './session-max-age'
import type { UserRow } from './users'

/** A refusal the route answers as 413 with this message; the cookie is left as it was. */
export class SessionTooLarge extends Error {}
/** A refusal the route answers as 400: the browser holds a session chunk under a name no Set-Cookie can carry. */
export { CookieNameError }

/**
 * Re-issues the caller's session from `row`, the row the mutation just wrote (never from the request body).
 * `token` is the caller's current token, already decoded by the route; only the row's claims change.
 */
export async function reissueSession(req: NextApiRequest, res: NextApiResponse, token: JWT, row: UserRow): Promise<JWT> {
  const next = tokenFromRow(token, row)
  let lines: string[]
  try {
    // The cookie's name follows the request, as next-auth's own does (useSecureCookies unset in auth-options.ts).
    lines = await sessionCookies(next, req.headers, { secret: authSecret(), maxAge: SESSION_MAX_AGE })
  } catch (error) {
    if (!(error instanceof SessionTooLargeError)) throw error
    throw new SessionTooLarge(`Refused: ${(error as Error).message} Your session cookie is unchanged.`)
  }
  res.appendHeader('Set-Cookie', lines)
  return next
}
