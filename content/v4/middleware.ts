import { withAuth } from 'next-auth/middleware'
import { NextResponse } from 'next/server'

export default withAuth(
  function onboardingGate(req) {
    const onboarding = req.nextUrl.pathname.startsWith('/onboarding')
    const done = req.nextauth.token?.onboardingStep === 'COMPLETED'
    // Never redirect a page to itself: /onboarding stays reachable while the token says INITIAL.
    if (!done && !onboarding) return NextResponse.redirect(new URL('/onboarding', req.url))
  },
  // No token at all: withAuth sends the visitor to the sign-in page.
  { callbacks: { authorized: ({ token }) => token !== null } },
)

// Everything but next-auth's own routes, static files and the sign-in page itself.
export const config = { matcher: ['/((?!api/auth|_next|favicon.ico|signin).*)'] }
