import { parse } from 'cookie'
import { getToken } from 'next-auth/jwt'
import { secureCookies } from './reissue-session'

/**
 * The caller's own session token, inside a Credentials `authorize(credentials, req)`.
 * v4 hands `authorize` the headers but no parsed cookies, so getToken({ req }) would find nothing.
 */
export function currentToken(req: { headers?: Record<string, unknown> }) {
  const headers = (req.headers ?? {}) as Record<string, string | undefined>
  const cookieHeader = typeof headers.cookie === 'string' ? headers.cookie : ''
  return getToken({
    req: { cookies: parse(cookieHeader), headers: {} } as never,
    secret: process.env.NEXTAUTH_SECRET,
    // __Secure-next-auth.session-token over https: the name next-auth chose for this very request.
    secureCookie: secureCookies(headers),
  })
}
