import { ensureSecret } from './runtime-config.mjs'

export function authSecret(): string {
  return ensureSecret()
}

/** next-auth v4 prefixes cookies with __Secure- when NEXTAUTH_URL is https; readers must agree. */
export function useSecureCookies(): boolean {
  return process.env.NEXTAUTH_URL?.startsWith('https://') ?? false
}
