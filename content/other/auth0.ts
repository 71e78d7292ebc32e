// nextjs-auth0 v4: the session (user claims and tokens) is encrypted into the `__session` cookie by default, and
// updateSession re-encrypts it. Its (req, res, session) form writes onto the response you pass, which is what makes
// it usable in middleware; its one-argument form writes through next/headers' cookies(), so only where Next lets
// cookies be set (Server Actions and Route Handlers, not Server Components).
import type { Auth0Client } from '@auth0/nextjs-auth0/server'
import { NextResponse, type NextRequest } from 'next/server'

// A route handler (or middleware) that completes onboarding: the new claim leaves in this answer's Set-Cookie.
export async function completeOnboarding(auth0: Auth0Client, request: NextRequest): Promise<NextResponse> {
  const session = await auth0.getSession(request)
  if (!session) return NextResponse.json({ error: 'Not signed in' }, { status: 401 })
  // ...write the user's row (or Auth0 app_metadata through the Management API) first.
  const response = NextResponse.json({ onboardingStep: 'COMPLETED' })
  await auth0.updateSession(request, response, { ...session, user: { ...session.user, onboardingStep: 'COMPLETED' } })
  return response
}

// The same from a Server Action: no request or response to pass, the SDK sets the cookie through cookies().
export async function completeOnboardingAction(auth0: Auth0Client): Promise<void> {
  const session = await auth0.getSession()
  if (!session) throw new Error('Not signed in')
  await auth0.updateSession({ ...session, user: { ...session.user, onboardingStep: 'COMPLETED' } })
}

// The gate decrypts the cookie: no database, no call to Auth0.
export async function onboardingDone(auth0: Auth0Client, request: NextRequest): Promise<boolean> {
  const session = await auth0.getSession(request)
  return session?.user.onboardingStep === 'COMPLETED'
}
