// A session must fit in one cookie. Past one cookie next-auth splits the token into chunks
// (next-auth.session-token.0, .1, …) and every request carries all of them: a few more kilobytes
// and the request headers pass the server's limit, every page answers 431, and the reader is locked
// out until they clear their cookies by hand. So an oversized session is refused before it is written.
import { encode, type JWT } from 'next-auth/jwt'
import type { CredentialsConfig } from 'next-auth/providers/credentials'
import type { Provider } from 'next-auth/providers/index'
import { signInToken } from './claims'
import { authSecret } from './secret'

/** next-auth v4's own chunk size (4096 bytes less its estimate of the cookie's name and attributes). */
export const SESSION_COOKIE_MAX_BYTES = 4096 - 163

/** The size of the cookie value next-auth would write for this token (the encrypted JWT). */
export async function sessionCookieBytes(token: JWT): Promise<number> {
  return Buffer.byteLength(await encode({ token, secret: authSecret() }))
}

export async function fitsOneCookie(token: JWT): Promise<boolean> {
  return (await sessionCookieBytes(token)) <= SESSION_COOKIE_MAX_BYTES
}

export async function assertFitsOneCookie(token: JWT): Promise<void> {
  const bytes = await sessionCookieBytes(token)
  if (bytes <= SESSION_COOKIE_MAX_BYTES) return
  throw new Error(
    `Refused: this session would need a ${bytes}-byte cookie, more than the ${SESSION_COOKIE_MAX_BYTES} bytes one cookie holds. Your session is unchanged.`,
  )
}

/**
 * Wraps a credentials provider so that what it returns is checked before next-auth mints a cookie from it.
 * A message thrown from `authorize` is next-auth's own refusal: 401, the message in `signIn(...).error`,
 * and no Set-Cookie. Other providers pass through (GitHub's profile fields are bounded by GitHub).
 */
export function withinCookieBudget(provider: Provider): Provider {
  if (provider.type !== 'credentials') return provider
  const options = provider.options as CredentialsConfig
  const id = options.id ?? provider.id
  const authorize: CredentialsConfig['authorize'] = async (credentials, req) => {
    const user = await options.authorize(credentials, req)
    if (user) await assertFitsOneCookie(signInToken(user, id))
    return user
  }
  return { ...provider, options: { ...options, authorize } } as Provider
}
