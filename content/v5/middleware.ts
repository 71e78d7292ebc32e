import { NextResponse } from 'next/server'
import { auth } from './auth'

// auth() as middleware decodes the session cookie and hands it over as req.auth.
export default auth((req) => {
  const { pathname } = req.nextUrl
  if (!req.auth) return NextResponse.redirect(new URL(`/signin?callbackUrl=${encodeURIComponent(pathname)}`, req.url))
  const onboarding = pathname.startsWith('/onboarding')
  if (req.auth.user.onboardingStep !== 'COMPLETED' && !onboarding) {
    return NextResponse.redirect(new URL('/onboarding', req.url))
  }
})

// Pages only. Not /api/*: the onboarding mutation (POST /api/onboarding/complete) must reach its route while
// the user is onboarding, or it is redirected to /onboarding and onboarding never completes; API routes check
// the session themselves. Not /_next/* nor files with an extension (/favicon.ico, /logo.png): public files.
// Node.js runtime (Next 15.5): ./auth reads the database in its jwt callback, which the Edge runtime cannot.
// On Next 16 the file is proxy.ts, always on Node.js, and this line must go.
export const config = { runtime: 'nodejs', matcher: ['/((?!api/|_next/|signin|.*\\..*).*)'] }
