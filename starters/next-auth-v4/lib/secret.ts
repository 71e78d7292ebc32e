import { ensureSecret } from './runtime-config.mjs'

export function authSecret(): string {
  return ensureSecret()
}

/**
 * next-auth v4 prefixes its cookies with `__Secure-` and marks them Secure when NEXTAUTH_URL is https
 * (next-auth core/init.js: `useSecureCookies ?? url.base.startsWith("https://")`). Everything that reads or
 * writes the session cookie by hand must agree.
 */
export function useSecureCookies(url = process.env.NEXTAUTH_URL): boolean {
  return url?.startsWith('https://') ?? false
}
