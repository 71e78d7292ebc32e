import type { NextApiRequest, NextApiResponse } from 'next'
import NextAuth from 'next-auth'
import { abuseLimits } from '../abuse-config'
import { authOptions } from '../auth-options'
import { PROVIDERS } from '../claims'
import { csrfTokenVerified } from '../csrf'
import { clientAddress, reserveGuestSignIn } from '../guest-limits'
import { knownAuthError } from '../auth-errors'
import { displayName } from '../providers/guest'
import { unreplaceableSessionCookie } from '../session-cookie'
import { authSecret, useSecureCookies } from '../secret'
import { fail, sameOriginOnly } from './http'
import { instrumented } from './instrumented'

/** The providers whose callback takes a POSTed form (credentials): a GET there is next-auth's 500 otherwise. */
// (A v4 provider's own id is in `options`: next-auth merges it over the type's default id, core/lib/providers.js.)
const CREDENTIALS = new Set(authOptions.providers.filter((p) => p.type === 'credentials').map((p) => (p.options as { id?: string } | undefined)?.id ?? p.id))

/**
 * next-auth's handler, behind the checks it cannot make itself:
 * - every POST (sign-in, the pass-through providers, update(), sign-out) only from the site's own origin, like the
 *   demo API: next-auth's double-submit CSRF token alone lets a same-site page (another port) post here.
 * - a GET to a credentials provider's callback is a 405 with a message (next-auth answers it with a 500).
 * - guest sign-ins over their limit get a 429 with Retry-After before a row is written, counted only once the
 *   request passed next-auth's CSRF check and the name check, so junk costs an address none of its budget. From `authorize`
 *   next-auth v4 can only answer 401 (core/routes/callback.js:344-348). The body is what next-auth/react's
 *   signIn reads (`data.url`'s `error` parameter, react/index.js:267), so the page shows the message.
 * - `/api/auth/error?error=` must be one of next-auth's codes: it copies the raw value into a Location header
 *   (core/index.js:217), and a non-Latin-1 value such as `%C4%80` makes Node throw, a 500.
 * - a session chunk under a name no Set-Cookie can carry is a 400 with the way out (session-cookie.ts: next-auth's
 *   attempt to expire it is a 500), before the budget is charged.
 */
export async function guardedAuth(req: NextApiRequest, res: NextApiResponse) {
  const [action, providerId] = ([] as string[]).concat(req.query.nextauth ?? [])
  if (action === 'error' && req.method === 'GET') {
    const error = req.query.error
    if (error !== undefined && !knownAuthError(error)) {
      return void res.status(400).json({ error: 'Unknown error code: /api/auth/error takes one of next-auth\'s error codes.' })
    }
  }
  if (req.method === 'POST' && !sameOriginOnly(req, res)) return
  if (action === 'callback' && CREDENTIALS.has(providerId) && req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return void fail(res, 405, `Use POST: /api/auth/callback/${providerId} takes a form with csrfToken (next-auth/react's signIn sends it).`)
  }
  const odd = unreplaceableSessionCookie(req.headers.cookie, req.headers)
  if (odd !== undefined) {
    return void fail(res, 400, `Your browser sends a cookie named ${JSON.stringify(odd)}, which this site cannot replace: clear this site's cookies and sign in again.`)
  }
  if (action === 'callback' && providerId === PROVIDERS.guest && req.method === 'POST' && wouldSignIn(req)) {
    const limits = abuseLimits()
    const decision = reserveGuestSignIn(clientAddress(req, limits.trustProxy), limits)
    if (!decision.ok) {
      res.setHeader('Retry-After', String(decision.retryAfterSeconds))
      res.setHeader('Cache-Control', 'no-store')
      const base = new URL('/api/auth/error', process.env.NEXTAUTH_URL || `http://${req.headers.host ?? 'localhost'}`)
      base.searchParams.set('error', decision.message)
      return void res.status(429).json({ error: decision.message, url: base.href })
    }
  }
  return NextAuth(req, res, authOptions)
}

/** next-auth would act on this guest sign-in: its CSRF token checks out and the name is one the provider takes. */
function wouldSignIn(req: NextApiRequest): boolean {
  const body = (req.body ?? {}) as Record<string, unknown>
  return csrfTokenVerified(req.headers.cookie, body.csrfToken, authSecret(), useSecureCookies()) && displayName.safeParse(body.name).success
}

export const authHandler = instrumented(guardedAuth)
