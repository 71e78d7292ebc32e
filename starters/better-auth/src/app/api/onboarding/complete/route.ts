// POST /api/onboarding/complete: JSON from the app's own origin, the session cookie as the only credential. The
// answer carries the re-issued cookie cache, so the very next request to /dashboard passes the gate.
import { NextResponse } from 'next/server'
import { z } from 'zod'
import { completeOnboarding } from '~/server/onboarding'
import { crossOriginRefusal } from '~/server/same-origin'

// The client chooses nothing: the step is the server's. `strategy` is accepted for the shared contract's callers.
const Body = z.strictObject({ strategy: z.literal('response').optional() })
const MAX_BODY = 4096

const fail = (status: number, error: string) => NextResponse.json({ error }, { status })

export async function POST(request: Request) {
  if (!/^application\/json(;|$)/i.test(request.headers.get('content-type') ?? '')) {
    return fail(415, 'Send Content-Type: application/json.')
  }
  const refusal = crossOriginRefusal(request)
  if (refusal) return fail(403, refusal)
  const text = await request.text()
  if (text.length > MAX_BODY) return fail(413, `The body is over ${MAX_BODY} bytes.`)
  let json: unknown
  try {
    json = text === '' ? {} : JSON.parse(text)
  } catch {
    return fail(400, 'The body is not JSON.')
  }
  const body = Body.safeParse(json)
  if (!body.success) return fail(400, `Only {} or { "strategy": "response" } is accepted: ${z.prettifyError(body.error)}`)

  const user = await completeOnboarding(request.headers)
  if (!user) return fail(401, 'Not signed in.')
  return NextResponse.json({ user: { email: user.email, onboardingStep: user.onboardingStep } })
}
