import type { NextApiRequest, NextApiResponse } from 'next'
import NextAuth from 'next-auth'
import { abuseLimits } from '../abuse-config'
import { authOptions } from '../auth-options'
import { PROVIDERS } from '../claims'
import { clientAddress, reserveGuestSignIn } from '../guest-limits'
import { knownAuthError } from '../auth-errors'
import { instrumented } from './instrumented'

/**
 * next-auth's handler, behind two checks it cannot make itself:
 * - guest sign-ins over their limit get a 429 with Retry-After before a row is written. From `authorize`
 *   next-auth v4 can only answer 401 (core/routes/callback.js:344-348). The body is what next-auth/react's
 *   signIn reads (`data.url`'s `error` parameter, react/index.js:267), so the page shows the message.
 * - `/api/auth/error?error=` must be one of next-auth's codes: it copies the raw value into a Location header
 *   (core/index.js:217), and a non-Latin-1 value such as `%C4%80` makes Node throw, a 500.
 */
export async function guardedAuth(req: NextApiRequest, res: NextApiResponse) {
  const [action, providerId] = ([] as string[]).concat(req.query.nextauth ?? [])
  if (action === 'error' && req.method === 'GET') {
    const error = req.query.error
    if (error !== undefined && !knownAuthError(error)) {
      return void res.status(400).json({ error: 'Unknown error code: /api/auth/error takes one of next-auth\'s error codes.' })
    }
  }
  if (action === 'callback' && providerId === PROVIDERS.guest && req.method === 'POST') {
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

export const authHandler = instrumented(guardedAuth)
