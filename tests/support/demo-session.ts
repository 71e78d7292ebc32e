// Session cookies as the demo's server writes them: next-auth's own `encode` with the demo's secret, so a
// test can hand `authorize`, the middleware or an API route a real encrypted cookie header.
import { encode, type JWT } from 'next-auth/jwt'
import { authSecret } from '@/demo/secret'
import { sessionCookieName } from '@/demo/session-cookie'

export async function sessionCookie(token: JWT, name = sessionCookieName()): Promise<string> {
  return `${name}=${await encode({ token, secret: authSecret() })}`
}
