import type { NextApiRequest, NextApiResponse } from 'next'
import { completeOnboardingRequest, publicUser } from '../../../lib/complete-onboarding'
import { NoSession, SessionTooLarge, reissueSession } from '../../../lib/reissue-session'

// The body is `{}` or `{ "strategy": … }`: anything past 4 KB is refused by Next with a 413 before this runs.
export const config = { api: { bodyParser: { sizeLimit: '4kb' } } }

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  res.setHeader('Cache-Control', 'private, no-store')
  if (req.method !== 'POST') {
    res.setHeader('Allow', 'POST')
    return res.status(405).json({ error: 'Use POST.' })
  }
  // JSON only and same origin only (lib/request-guards.ts); Next has parsed a JSON body, `''` when empty.
  const outcome = await completeOnboardingRequest(req.headers, req.body === '' ? {} : req.body)
  if (!outcome.ok) return res.status(outcome.status).json({ error: outcome.error })
  const user = publicUser(outcome.row)
  if (outcome.strategy === 'response') {
    try {
      await reissueSession(req, res, outcome.row)
    } catch (error) {
      if (error instanceof SessionTooLarge) return res.status(413).json({ error: error.message, user })
      if (error instanceof NoSession) return res.status(401).json({ error: error.message })
      throw error
    }
  }
  return res.status(200).json({ user, ticket: outcome.ticket })
}
