import type { NextApiRequest, NextApiResponse } from 'next'
import { getToken } from 'next-auth/jwt'
import { db } from '../shared/users'
import { CookieNameError, reissueSession, secureCookies } from './reissue-session'

// pages/api/onboarding/complete.ts: the mutation, and the new session in its own response.
export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method !== 'POST') return res.status(405).json({ error: 'Use POST' })
  // Who is asking: their own cookie (never the body), under the name next-auth gave it for this request.
  const token = await getToken({ req, secureCookie: secureCookies(req.headers) })
  if (!token?.sub) return res.status(401).json({ error: 'Sign in first' })
  const row = await db.completeOnboarding(token.sub)
  if (!row) return res.status(404).json({ error: 'No such user' })
  try {
    // The claims come from the row just written; the rest of the token (sub, name, sign-in time) is kept.
    await reissueSession(req, res, { ...token, role: row.role, onboardingStep: row.onboardingStep, ver: row.version })
  } catch (error) {
    if (error instanceof CookieNameError) return res.status(400).json({ error: error.message })
    throw error
  }
  return res.status(200).json({ user: row })
}
