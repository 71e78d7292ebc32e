import { parse, serialize } from 'cookie'
import { encode, type JWT } from 'next-auth/jwt'
import type { NextApiRequest, NextApiResponse } from 'next'

// lib/reissue-session.ts: write the new session cookie from the route that changed the user, as next-auth v4's
// own GET /api/auth/session does (encode, then Set-Cookie). Keep these equal to your authOptions.
const MAX_AGE = 30 * 24 * 60 * 60 // authOptions.session.maxAge (this is next-auth's default)
const ONE_COOKIE = 4096 - 163 // next-auth's chunk size: past it, the session would need two cookies

/** Thrown instead of writing a session that would not fit in one cookie: answer 413, keep the old cookie. */
export class SessionTooLargeError extends Error {}

export interface ReissueOptions {
  secret?: string
  maxAge?: number
  /** true on https: next-auth then names the cookie __Secure-next-auth.session-token */
  secureCookie?: boolean
}

/** The Set-Cookie lines that replace the caller's session cookie with `token`. */
export async function sessionCookies(token: JWT, cookieHeader: string | null | undefined, options: ReissueOptions = {}) {
  const {
    secret = process.env.NEXTAUTH_SECRET!,
    maxAge = MAX_AGE,
    secureCookie = process.env.NEXTAUTH_URL?.startsWith('https://') ?? false,
  } = options
  const value = await encode({ token, secret, maxAge }) // sets iat, exp = now + maxAge and a fresh jti
  if (value.length > ONE_COOKIE) {
    // Refuse rather than chunk: every request would carry the chunks, and a few more bring 431 errors.
    throw new SessionTooLargeError(`The session would need a ${value.length}-byte cookie; one cookie holds ${ONE_COOKIE}.`)
  }
  const name = `${secureCookie ? '__Secure-' : ''}next-auth.session-token`
  // next-auth's session cookie options, as it sets them itself.
  const attributes = { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookie } as const
  // A browser holding a chunked session (name.0, name.1, …) keeps sending the chunks, and next-auth joins
  // every cookie whose name starts with `name`: expire them, or the new cookie is read as garbage.
  const chunks = Object.keys(parse(cookieHeader ?? '')).filter((key) => key.startsWith(`${name}.`))
  return [
    ...chunks.map((chunk) => serialize(chunk, '', { ...attributes, maxAge: 0 })),
    serialize(name, value, { ...attributes, expires: new Date(Date.now() + maxAge * 1000) }),
  ]
}

/** Pages router: sets the caller's new session on `res`, the response of the mutation's own API route. */
export async function reissueSession(req: NextApiRequest, res: NextApiResponse, token: JWT, options?: ReissueOptions) {
  res.appendHeader('Set-Cookie', await sessionCookies(token, req.headers.cookie, options))
}
