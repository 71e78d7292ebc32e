import { secureCookies, type RequestHeaders } from '@/content/v4/reissue-session'
import { ensureSecret } from './runtime-config.mjs'

export function authSecret(): string {
  return ensureSecret()
}

/**
 * Whether next-auth v4 names this request's cookies __Secure-: every reader and writer of the session cookie must
 * agree with it. The same derivation as next-auth's (content/v4/reissue-session.ts): NEXTAUTH_URL, or the forwarded
 * proto where the host is trusted. Without a request, NEXTAUTH_URL alone (serve.mjs always sets one).
 */
export function useSecureCookies(headers: RequestHeaders = {}): boolean {
  return secureCookies(headers)
}
