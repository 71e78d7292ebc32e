// The same mutation as pages/api/onboarding/complete.ts, as an App Router route handler (Next serves
// app/ beside pages/). The one-request update sets the cookie through NextResponse.cookies.
import { NextResponse, type NextRequest } from 'next/server'
import { completeOnboardingRequest, publicUser } from '../../../../lib/complete-onboarding'
import { NoSession, SessionTooLarge, reissueSessionOn } from '../../../../lib/reissue-session'
import { refuseRequest } from '../../../../lib/request-guards'

export const dynamic = 'force-dynamic'

export async function POST(req: NextRequest) {
  const refused = refuseRequest(req.headers) // before the body is read: JSON only, same origin only
  if (refused) return json({ error: refused.error }, refused.status)
  const text = await req.text()
  if (text.length > 4096) return json({ error: 'The body is over 4 KB.' }, 413)
  let body: unknown = {}
  if (text !== '') {
    try {
      body = JSON.parse(text)
    } catch {
      return json({ error: 'The body is not JSON.' }, 400)
    }
  }
  const outcome = await completeOnboardingRequest(req.headers, body)
  if (!outcome.ok) return json({ error: outcome.error }, outcome.status)
  const user = publicUser(outcome.row)
  const res = json({ user, ticket: outcome.ticket }, 200)
  if (outcome.strategy === 'response') {
    try {
      await reissueSessionOn(req, res, outcome.row)
    } catch (error) {
      if (error instanceof SessionTooLarge) return json({ error: error.message, user }, 413)
      if (error instanceof NoSession) return json({ error: error.message }, 401)
      throw error
    }
  }
  return res
}

function json(body: unknown, status: number) {
  return NextResponse.json(body, { status, headers: { 'Cache-Control': 'private, no-store' } })
}
