import { parse, serialize } from 'cookie'
import { encode, type JWT } from 'next-auth/jwt'
import type { NextApiRequest, NextApiResponse } from 'next'

// lib/reissue-session.ts: write the new session cookie from the route that changed the user, as next-auth v4's
// own GET /api/auth/session does (encode, then Set-Cookie). Keep these equal to your authOptions.
const MAX_AGE = 30 * 24 * 60 * 60 // authOptions.session.maxAge (this is next-auth's default)
const ONE_COOKIE = 4096 - 163 // next-auth's chunk size: past it, the session would need two cookies

/** Thrown instead of writing a session that would not fit in one cookie: answer 413, keep the old cookie. */
export class SessionTooLargeError extends Error {}

/** Thrown when the browser sends a session chunk under a name no Set-Cookie can carry: answer 400. */
export class CookieNameError extends Error {}

/** The request's headers, as a pages-router route (`req.headers`) or a route handler (`req.headers`) has them. */
export type RequestHeaders = Headers | Record<string, string | string[] | undefined>

const header = (headers: RequestHeaders, name: string) => {
  const value = headers instanceof Headers ? headers.get(name) : headers[name]
  return Array.isArray(value) ? value.join(', ') : (value ?? undefined)
}

/**
 * Does next-auth name this request's cookies `__Secure-`? Decided the way next-auth 4.24 decides it:
 * `authOptions.useSecureCookies` when set, else whether the origin it detects is https
 * (next-auth/core/init.js:60). That origin (next-auth/utils/detect-origin.js:7-12, called from core/index.js:48)
 * is NEXTAUTH_URL when set; else, on Vercel or with AUTH_TRUST_HOST, the request's X-Forwarded-Host (or Host)
 * over X-Forwarded-Proto, https unless that says "http"; else none (http://localhost:3000, utils/parse-url.js).
 */
export function secureCookies(headers: RequestHeaders, useSecureCookies?: boolean): boolean {
  if (useSecureCookies !== undefined) return useSecureCookies
  // A NEXTAUTH_URL without a scheme counts as https (utils/parse-url.js:10-12).
  if (process.env.NEXTAUTH_URL) return !/^http(?!s:\/\/)/.test(process.env.NEXTAUTH_URL)
  // `??` as in detect-origin.js:10: VERCEL set to anything (even "") decides, before AUTH_TRUST_HOST is read.
  if (process.env.VERCEL ?? process.env.AUTH_TRUST_HOST) return header(headers, 'x-forwarded-proto') !== 'http'
  return false
}

/** next-auth's session cookie name (core/lib/cookie.js:18-21): chunks are this name plus `.0`, `.1`, … */
export const sessionCookieName = (secure: boolean) => `${secure ? '__Secure-' : ''}next-auth.session-token`

export interface ReissueOptions {
  secret?: string
  maxAge?: number
  /** authOptions.useSecureCookies, when you set it; otherwise derived from the request as next-auth does */
  useSecureCookies?: boolean
}

/** The Set-Cookie lines that replace the caller's session cookie with `token`. */
export async function sessionCookies(token: JWT, headers: RequestHeaders, options: ReissueOptions = {}) {
  const { secret = process.env.NEXTAUTH_SECRET!, maxAge = MAX_AGE } = options
  const secure = secureCookies(headers, options.useSecureCookies)
  const value = await encode({ token, secret, maxAge }) // sets iat, exp = now + maxAge and a fresh jti
  if (value.length > ONE_COOKIE) {
    // Refuse rather than chunk: every request would carry the chunks, and a few more bring 431 errors.
    throw new SessionTooLargeError(`The session would need a ${value.length}-byte cookie; one cookie holds ${ONE_COOKIE}.`)
  }
  const name = sessionCookieName(secure)
  // next-auth's session cookie options, as it sets them itself.
  const attributes = { httpOnly: true, sameSite: 'lax', path: '/', secure } as const
  // next-auth joins every cookie whose name starts with `name` (core/lib/cookie.js:101-111, SessionStore): a browser
  // still holding chunks (name.0, name.1, …) would have the new cookie read as garbage, so expire them.
  const chunks = Object.keys(parse(header(headers, 'cookie') ?? '')).filter((key) => key !== name && key.startsWith(name))
  const odd = chunks.find((key) => !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(key)) // what `serialize` accepts (RFC 6265)
  if (odd !== undefined) {
    throw new CookieNameError(`Your browser sends a cookie named ${JSON.stringify(odd)}, which this site cannot replace: clear this site's cookies and sign in again.`)
  }
  return [
    ...chunks.map((chunk) => serialize(chunk, '', { ...attributes, maxAge: 0 })),
    serialize(name, value, { ...attributes, expires: new Date(Date.now() + maxAge * 1000) }),
  ]
}

/** Pages router: sets the caller's new session on `res`, the response of the mutation's own API route. */
export async function reissueSession(req: NextApiRequest, res: NextApiResponse, token: JWT, options?: ReissueOptions) {
  res.appendHeader('Set-Cookie', await sessionCookies(token, req.headers, options))
}
