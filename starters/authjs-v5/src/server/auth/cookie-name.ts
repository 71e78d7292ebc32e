// The session cookie's name for one request, derived exactly as Auth.js derives it, so that reading, re-issuing
// or deleting it by name hits the cookie Auth.js itself set (next-auth 5.0.0-beta.32, @auth/core 0.41.3):
// - secure or not: @auth/core lib/init.js:69, `config.useSecureCookies ?? url.protocol === "https:"`, where `url` is
//   - in a route handler (and in a provider's authorize(), which gets `new Request(url, …)`, lib/actions/callback/
//     index.js:231-233): the request's own URL (lib/utils/web.js:24 `new URL(req.url)`), whose origin next-auth
//     replaces with AUTH_URL's when that is set (next-auth lib/env.js:5-12 reqWithEnvURL);
//   - in auth() / unstable_update() with no request (server components, tRPC, Server Actions): next-auth
//     lib/index.js:8 createActionURL("session", headers.get("x-forwarded-proto"), headers, process.env, config):
//     AUTH_URL when set, else X-Forwarded-Host / Host and X-Forwarded-Proto (@auth/core lib/utils/env.js:66-87);
// - the name: @auth/core lib/utils/cookie.js:45-49, `${useSecureCookies ? "__Secure-" : ""}authjs.session-token`;
// - chunks: a token over one cookie's size is split into `<name>.0`, `<name>.1`, … (cookie.js SessionStore, which
//   reads every cookie whose name starts with the session cookie's name).
import { createActionURL } from '@auth/core'

export interface CookieContext {
  /** The request's URL, where there is a request (route handlers, authorize()). */
  url?: string
  /** AuthConfig.useSecureCookies, when the config sets it. */
  useSecureCookies?: boolean
}

export function usesSecureCookies(headers: Headers, { url, useSecureCookies }: CookieContext = {}): boolean {
  if (useSecureCookies !== undefined) return useSecureCookies
  const envUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL
  if (url) return new URL(envUrl ?? url).protocol === 'https:'
  const proto = headers.get('x-forwarded-proto') as string
  return createActionURL('session', proto, headers, process.env, { basePath: '/api/auth' } as never).protocol === 'https:'
}

export function sessionCookieName(headers: Headers, context: CookieContext = {}): string {
  return `${usesSecureCookies(headers, context) ? '__Secure-' : ''}authjs.session-token`
}

/** The names of every part of the session cookie this request carries: the whole cookie and any chunks. */
export function sessionCookieParts(headers: Headers, context: CookieContext = {}): string[] {
  const name = sessionCookieName(headers, context)
  const sent = (headers.get('cookie') ?? '')
    .split(';')
    .map((c) => c.split('=')[0]!.trim())
    .filter((n) => n === name || (n.startsWith(`${name}.`) && /^\d+$/.test(n.slice(name.length + 1))))
  return sent.length ? sent : [name]
}
