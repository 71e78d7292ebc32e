// The onboarding gate (Next.js 16: proxy.ts, formerly middleware.ts; it runs on Node.js). Auth.js's wrapper form
// (`auth((req) => …)`, as in its docs' `export { auth as proxy }`) decodes the session cookie and hands it over as
// req.auth. It reads only the token: the jwt callback touches the database here only when a navigation races its
// session's own update (server/auth/race-guard.ts). For a gate that reads the row on every navigation, and what that
// costs, see src/proxy-db-read.ts and the README.
import { NextResponse } from 'next/server'
import { uncachedAuth } from '~/server/auth'

const PUBLIC_PAGES = new Set(['/', '/signin'])

export default uncachedAuth((req) => {
  const { pathname, search } = req.nextUrl
  if (PUBLIC_PAGES.has(pathname)) return
  if (!req.auth) {
    const signin = new URL('/signin', req.url)
    signin.searchParams.set('callbackUrl', pathname + search)
    return NextResponse.redirect(signin, 307)
  }
  if (req.auth.user.onboardingStep !== 'COMPLETED' && pathname !== '/onboarding') {
    return NextResponse.redirect(new URL('/onboarding', req.url), 307)
  }
})

export const config = {
  // Pages only. Not /api: the onboarding mutation must reach its handler while the user is still onboarding
  // (redirecting it to /onboarding is the bug this starter fixes), every API route answers 401 itself, and
  // /api/auth/* must never be gated. Not _next/* nor any path with a file extension: public files
  // (/favicon.ico, /logo.png) are served to everyone, signed in or not.
  matcher: ['/((?!api/|_next/|[^?]*\\.[a-zA-Z0-9]+$).*)'],
}
