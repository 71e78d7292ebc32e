// next-auth v4's double-submit CSRF check, made before next-auth runs so the guest sign-in budget is charged only for
// a request next-auth would act on (demo/api/auth.ts): junk without the CSRF cookie and token costs a shared address
// nothing. The same check as next-auth/core/lib/csrf-token.js (not exported by the package): the cookie holds
// `token|sha256(token + secret)` and the form's `csrfToken` must equal that token. Its name and prefix: core/lib/cookie.js.
import { createHash, timingSafeEqual } from 'node:crypto'
import { parse } from 'cookie'

export function csrfCookieName(secure: boolean): string {
  return `${secure ? '__Host-' : ''}next-auth.csrf-token`
}

/** True when the posted token matches the request's own CSRF cookie, which this `secret` made. */
export function csrfTokenVerified(cookieHeader: string | undefined, posted: unknown, secret: string, secure: boolean): boolean {
  const value = parse(cookieHeader ?? '')[csrfCookieName(secure)]
  if (!value || typeof posted !== 'string') return false
  const [token, hash] = value.split('|')
  if (!token || !hash) return false
  const expected = createHash('sha256').update(`${token}${secret}`).digest('hex')
  return equal(hash, expected) && equal(posted, token)
}

const equal = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
