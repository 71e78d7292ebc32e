// The caller's own session, read from a raw Cookie header. Inside a v4 Credentials `authorize`, `req`
// carries `headers` but not `cookies`, so `getToken({ req })` finds nothing: parse the header and `decode`.
import { parse } from 'cookie'
import { decode, type JWT } from 'next-auth/jwt'
import { authSecret, useSecureCookies } from './secret'

/** next-auth v4's session cookie name (core/lib/cookie.js defaultCookies). */
export function sessionCookieName(secure = useSecureCookies()): string {
  return `${secure ? '__Secure-' : ''}next-auth.session-token`
}

/** The session cookie's parts as the browser sent them: the whole cookie or its chunks `.0`, `.1`, ... */
export function sessionCookieParts(cookies: Record<string, string | undefined>, name = sessionCookieName()) {
  return Object.keys(cookies)
    .filter((key) => key === name || /^\d+$/.test(key.slice(name.length + 1)) && key.startsWith(`${name}.`))
    .sort((a, b) => (a === name ? -1 : b === name ? 1 : Number(a.split('.').pop()) - Number(b.split('.').pop())))
}

/** The decoded token, or null when there is none or it does not decrypt (tampered, another secret). */
export async function readSessionToken(cookieHeader: string | undefined, secure = useSecureCookies()): Promise<JWT | null> {
  const jar = parse(cookieHeader ?? '')
  const name = sessionCookieName(secure)
  const parts = sessionCookieParts(jar, name).filter((key) => key !== name)
  const value = parts.length > 0 ? parts.map((key) => jar[key]).join('') : jar[name]
  if (!value) return null
  try {
    return await decode({ token: value, secret: authSecret() })
  } catch {
    return null
  }
}
