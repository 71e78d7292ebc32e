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

// Pages only. Not /api/*: the onboarding mutation (POST /api/onboarding/complete) must reach its route while
// the user is onboarding, or it is redirected to /onboarding and onboarding never completes; API routes check
// the session themselves. Not /_next/* nor files with an extension (/favicon.ico, /logo.png): public files.
export const config = { matcher: ['/((?!api/|_next/|signin|.*\\..*).*)'] }
