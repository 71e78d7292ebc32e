// The session cookie's name for one request, derived exactly as Auth.js derives it, so that reading, re-issuing
// or deleting it by name hits the cookie Auth.js itself set:
// - the origin: next-auth 5.0.0-beta.32 lib/index.js:8 (getSession, what auth() and unstable_update use) builds it
//   with @auth/core's createActionURL("session", headers.get("x-forwarded-proto"), headers, process.env, config):
//   AUTH_URL when set, else X-Forwarded-Host / Host and X-Forwarded-Proto (@auth/core lib/utils/env.js:66-87);
// - secure or not: @auth/core lib/init.js:69, `config.useSecureCookies ?? url.protocol === "https:"`;
// - the name: @auth/core lib/utils/cookie.js:45-49, `${useSecureCookies ? "__Secure-" : ""}authjs.session-token`;
// - chunks: a token over one cookie's size is split into `<name>.0`, `<name>.1`, … (cookie.js SessionStore, which
//   reads every cookie whose name starts with the session cookie's name).
import { createActionURL } from '@auth/core'

export interface CookieConfig {
  useSecureCookies?: boolean
  basePath?: string
}

export function usesSecureCookies(headers: Headers, config: CookieConfig = {}): boolean {
  if (config.useSecureCookies !== undefined) return config.useSecureCookies
  const proto = headers.get('x-forwarded-proto')
  const url = createActionURL('session', proto as string, headers, process.env, { basePath: config.basePath ?? '/api/auth' } as never)
  return url.protocol === 'https:'
}

export function sessionCookieName(headers: Headers, config: CookieConfig = {}): string {
  return `${usesSecureCookies(headers, config) ? '__Secure-' : ''}authjs.session-token`
}

/** The names of every part of the session cookie this request carries: the whole cookie and any chunks. */
export function sessionCookieParts(headers: Headers, config: CookieConfig = {}): string[] {
  const name = sessionCookieName(headers, config)
  const sent = (headers.get('cookie') ?? '')
    .split(';')
    .map((c) => c.split('=')[0]!.trim())
    .filter((n) => n === name || /^\d+$/.test(n.slice(name.length + 1)) && n.startsWith(`${name}.`))
  return sent.length ? sent : [name]
}
