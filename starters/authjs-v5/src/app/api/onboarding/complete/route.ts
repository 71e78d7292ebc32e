// POST /api/onboarding/complete: the same mutation as a plain route handler. JSON body ({} is valid),
// the session cookie is the only credential. The middleware does not match /api/*, so it is never
// redirected: without a session it answers 401 itself.
import { NextResponse } from 'next/server'
import { unstable_update } from '~/auth'
import { currentCaller } from '~/server/auth/caller'
import { NotFound, completeOnboarding, completeOnboardingInput } from '~/server/onboarding'

export async function POST(request: Request) {
  const caller = await currentCaller()
  if (!caller) return NextResponse.json({ error: 'Sign in first.' }, { status: 401 })
  let body: unknown
  try {
    const text = await request.text()
    body = text ? JSON.parse(text) : {}
  } catch {
    return NextResponse.json({ error: 'The body must be JSON, e.g. {}.' }, { status: 400 })
  }
  const input = completeOnboardingInput.safeParse(body)
  if (!input.success) {
    return NextResponse.json({ error: 'Unexpected body: allowed are goal (learn|build|ship) and strategy (ticket|response).' }, { status: 400 })
  }
  try {
    const { user, ticket } = await completeOnboarding(caller, input.data)
    // { "strategy": "response" }: the new session cookie rides on this response (one request).
    if (input.data.strategy === 'response') await unstable_update({})
    return NextResponse.json({ user, ticket })
  } catch (error) {
    if (error instanceof NotFound) return NextResponse.json({ error: error.message }, { status: 404 })
    throw error
  }
}
