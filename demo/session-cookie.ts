// Reading the caller's own session from a raw Cookie header. Inside a v4 Credentials `authorize`,
// `req` carries `headers` but no `cookies`, so `getToken({ req })` finds nothing: parse the header.
import { parse } from 'cookie'
import { getToken, type JWT } from 'next-auth/jwt'
import type { RequestHeaders } from '@/content/v4/reissue-session'
import { authSecret, useSecureCookies } from './secret'

/** The name next-auth gives the session cookie on the request with these headers. */
export function sessionCookieName(headers?: RequestHeaders) {
  return `${useSecureCookies(headers) ? '__Secure-' : ''}next-auth.session-token`
}

/** The session cookie as the browser holds it: chunks joined in order, as next-auth joins them. */
export function readSessionCookie(cookieHeader: string | undefined, headers?: RequestHeaders) {
  const name = sessionCookieName(headers)
  // Stryker disable next-line StringLiteral: equivalent, any text without `=` parses to no cookie, as '' does.
  const jar = parse(cookieHeader ?? '')
  const parts = Object.keys(jar)
    .filter((key) => key === name || key.startsWith(`${name}.`))
    .sort((a, b) => Number(a.split('.').pop()) - Number(b.split('.').pop()))
  if (parts.length === 0) return null
  const value = parts.map((key) => jar[key]).join('')
  return { name, value, chunks: parts.length, bytes: Buffer.byteLength(value) }
}

/**
 * A cookie the browser sends under the session cookie's name plus something `serialize` refuses (RFC 6265 allows a
 * token only: `next-auth.session-token.0(`, a non-ASCII letter). next-auth reads every such cookie as a chunk and, on
 * writing the session, expires it by name: Node's cookie serializer throws, a 500. The guard answers 400 first.
 */
export function unreplaceableSessionCookie(cookieHeader: string | undefined, headers?: RequestHeaders): string | undefined {
  const name = sessionCookieName(headers)
  // Stryker disable next-line StringLiteral: equivalent, as in readSessionCookie.
  return Object.keys(parse(cookieHeader ?? '')).find((key) => key.startsWith(name) && !/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(key))
}

/** The decoded token, or null when there is none or it does not decrypt (tampered, foreign secret). */
export async function readSessionToken(cookieHeader: string | undefined, headers?: RequestHeaders): Promise<JWT | null> {
  // Stryker disable next-line ConditionalExpression: equivalent, getToken finds no session cookie in an empty jar either.
  if (!cookieHeader) return null
  try {
    return await getToken({
      req: { cookies: parse(cookieHeader), headers: {} } as never,
      secret: authSecret(),
      secureCookie: useSecureCookies(headers),
    })
  }
  // Stryker disable next-line BlockStatement: not reachable by a cookie; getToken answers null for any value it cannot
  // decode (next-auth/jwt, `_decode` in a try). This keeps any other throw (the secret's file) from reaching a caller as a 500.
  catch {
    return null
  }
}

/**
 * Set-Cookie lines that sign the caller out: every session cookie (and chunk) the request carried, expired
 * with the attributes next-auth v4 sets them with (path /, HttpOnly, SameSite=Lax, Secure on https).
 */
export function expiredSessionCookies(cookieHeader: string | undefined, headers?: RequestHeaders): string[] {
  const name = sessionCookieName(headers)
  // Stryker disable next-line StringLiteral: equivalent, as in readSessionCookie.
  const names = Object.keys(parse(cookieHeader ?? '')).filter((key) => key === name || key.startsWith(`${name}.`))
  const secure = useSecureCookies(headers) ? '; Secure' : ''
  return (names.length ? names : [name]).map((key) => `${key}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax${secure}`)
}
