import { parse } from 'cookie'
import { getToken } from 'next-auth/jwt'

/**
 * The caller's own session token, inside a Credentials `authorize(credentials, req)`.
 * v4 hands `authorize` the headers but no parsed cookies, so getToken({ req }) would find nothing.
 */
export function currentToken(req: { headers?: Record<string, unknown> }) {
  const cookieHeader = typeof req.headers?.cookie === 'string' ? req.headers.cookie : ''
  return getToken({
    req: { cookies: parse(cookieHeader), headers: {} } as never,
    secret: process.env.NEXTAUTH_SECRET,
    // Over HTTPS the cookie is named __Secure-next-auth.session-token.
    secureCookie: process.env.NEXTAUTH_URL?.startsWith('https://'),
  })
}
