// The caller's own session, read from the request's headers. Inside a v4 Credentials `authorize`, `req`
// carries `headers` but not `cookies`, so `getToken({ req })` finds nothing: parse the header and `decode`.
import { parse } from 'cookie'
import { decode, type JWT } from 'next-auth/jwt'
import { authSecret } from './secret'
import { header, usesSecureCookies, type HeaderSource } from './secure-cookies'

/** next-auth v4's session cookie name (next-auth/core/lib/cookie.js:18-21, defaultCookies). */
export function sessionCookieName(secure: boolean): string {
  return `${secure ? '__Secure-' : ''}next-auth.session-token`
}

/** The session cookie's parts as the browser sent them: the whole cookie or its chunks `.0`, `.1`, ... */
export function sessionCookieParts(cookies: Record<string, string | undefined>, name: string) {
  return Object.keys(cookies)
    .filter((key) => key === name || /^\d+$/.test(key.slice(name.length + 1)) && key.startsWith(`${name}.`))
    .sort((a, b) => (a === name ? -1 : b === name ? 1 : Number(a.split('.').pop()) - Number(b.split('.').pop())))
}

/** The decoded token, or null when there is none or it does not decrypt (tampered, another secret). */
export async function readSessionToken(headers: HeaderSource | undefined): Promise<JWT | null> {
  const jar = parse(header(headers, 'cookie') ?? '')
  const name = sessionCookieName(usesSecureCookies(headers))
  const parts = sessionCookieParts(jar, name).filter((key) => key !== name)
  const value = parts.length > 0 ? parts.map((key) => jar[key]).join('') : jar[name]
  if (!value) return null
  try {
    return await decode({ token: value, secret: authSecret() })
  } catch {
    return null
  }
}
