// POST /api/onboarding/complete: the same mutation as a plain route handler. JSON body ({} is valid), from this
// origin only, the session cookie as the only credential. The proxy does not match /api/*, so it is never
// redirected: without a session it answers 401 itself.
import { NextResponse } from 'next/server'
import { unstable_update } from '~/server/auth'
import { currentCaller } from '~/server/auth/caller'
import { sessionCookieParts } from '~/server/auth/cookie-name'
import { NotFound, completeOnboarding, completeOnboardingInput } from '~/server/onboarding'
import { refuseForeignRequest } from '~/lib/same-origin'

export async function POST(request: Request) {
  const refused = refuseForeignRequest(request)
  if (refused) return NextResponse.json({ error: refused.error }, { status: refused.status })
  const caller = await currentCaller(request.headers, { url: request.url })
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
    if (!(error instanceof NotFound)) throw error
    // The user row is gone: sign this browser out, deleting the session cookie (every chunk) under the very name
    // Auth.js set it with (cookie-name.ts).
    const res = NextResponse.json({ error: error.message }, { status: 401 })
    for (const name of sessionCookieParts(request.headers, { url: request.url })) {
      res.cookies.set(name, '', { path: '/', maxAge: 0, httpOnly: true, sameSite: 'lax', secure: name.startsWith('__Secure-') })
    }
    return res
  }
}
