// Does next-auth 4 use `__Secure-` cookies for THIS request? It decides per request, and everything that reads
// or writes the session cookie by name (proxy.ts, lib/session-cookie.ts, lib/reissue-session.ts) must decide
// the same way, or a re-issued cookie lands under a name next-auth never reads. next-auth 4.24.15:
//   core/init.js:60              useSecureCookies ?? parseUrl(origin).base.startsWith("https://")
//   core/index.js:47-48          origin = detectOrigin(x-forwarded-host ?? host, x-forwarded-proto)
//   utils/detect-origin.js:9-11  NEXTAUTH_URL if set; else, when VERCEL ?? AUTH_TRUST_HOST is truthy,
//                                `${proto === "http" ? "http" : "https"}://${host}`; else undefined
//   utils/parse-url.js:9-15      undefined -> http://localhost:3000; no "http" prefix -> https:// is prepended
// (next-auth/jwt's getToken has its own default, NEXTAUTH_URL or VERCEL only, so callers pass the answer to it.)
import type { IncomingHttpHeaders } from 'node:http'
import { hostTrusted } from './runtime-config.mjs'

/** authOptions.useSecureCookies: unset, so next-auth detects it per request. Set true/false here to force it. */
export const USE_SECURE_COOKIES: boolean | undefined = undefined

export type HeaderSource = Headers | IncomingHttpHeaders | Record<string, string | string[] | undefined>

export function header(headers: HeaderSource | undefined, name: string): string | undefined {
  if (!headers) return undefined
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined
  const value = (headers as IncomingHttpHeaders)[name]
  return Array.isArray(value) ? value.join(', ') : value
}

/** The origin next-auth detects for a request (utils/detect-origin.js), undefined when it has none. */
export function detectOrigin(headers: HeaderSource | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NEXTAUTH_URL) return env.NEXTAUTH_URL
  if (!hostTrusted(env)) return undefined
  const host = header(headers, 'x-forwarded-host') ?? header(headers, 'host')
  return `${header(headers, 'x-forwarded-proto') === 'http' ? 'http' : 'https'}://${host}`
}

/** True when next-auth names this request's session cookie `__Secure-next-auth.session-token`. */
export function usesSecureCookies(
  headers: HeaderSource | undefined,
  configured: boolean | undefined = USE_SECURE_COOKIES,
  env: NodeJS.ProcessEnv = process.env,
): boolean {
  if (configured !== undefined) return configured
  const origin = detectOrigin(headers, env)
  if (!origin) return false // parse-url.js's default, http://localhost:3000
  try {
    return new URL(origin.startsWith('http') ? origin : `https://${origin}`).origin.startsWith('https://')
  } catch {
    return false // next-auth would fail this request outright; nothing is written under either name
  }
}
