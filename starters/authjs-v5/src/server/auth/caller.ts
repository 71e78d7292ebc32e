import { getToken } from 'next-auth/jwt'
import { headers } from 'next/headers'
import type { Caller } from '~/server/onboarding'
import { authSecret } from '~/server/secret'

/**
 * Who is calling, from the session cookie alone (the cookie is the only credential). The session id
 * (`sid`) lives only in the token, not in the session object auth() returns, so read the token.
 * Auth.js names the cookie `__Secure-authjs.session-token` on https and `authjs.session-token` on http.
 */
export async function currentCaller(): Promise<Caller | null> {
  const h = await headers()
  const secureCookie = /(?:^|;\s*)__Secure-authjs\.session-token/.test(h.get('cookie') ?? '')
  const token = await getToken({ req: { headers: h }, secret: authSecret(), secureCookie })
  if (!token?.sub || !token.sid) return null
  return { id: token.sub, sid: token.sid }
}
