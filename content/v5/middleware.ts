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

export const config = { matcher: ['/((?!api/auth|_next|favicon.ico|signin).*)'] }
