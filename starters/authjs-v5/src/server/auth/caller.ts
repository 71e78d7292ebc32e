import { getToken } from 'next-auth/jwt'
import { env } from '~/env'
import type { Caller } from '~/server/onboarding'
import { sessionCookieName, type CookieContext } from './cookie-name'

/**
 * Who is calling, from the session cookie alone (the cookie is the only credential). The session id (`sid`) lives
 * only in the token, not in the session auth() returns, so read the token, under the name Auth.js gave the cookie
 * for this request (cookie-name.ts); getToken() joins the chunks itself.
 */
export async function currentCaller(headers: Headers, context: CookieContext = {}): Promise<Caller | null> {
  const cookieName = sessionCookieName(headers, context)
  const token = await getToken({ req: { headers }, secret: env.AUTH_SECRET, cookieName, salt: cookieName, secureCookie: cookieName.startsWith('__Secure-') })
  if (!token?.sub || !token.sid) return null
  return { id: token.sub, sid: token.sid }
}
