import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'
import { ONBOARDING_COMPLETED } from './lib/onboarding-steps'
import { authSecret, useSecureCookies } from './lib/secret'

const PUBLIC_PAGES = new Set(['/', '/signin'])
const ONBOARDING = '/onboarding'

/** The onboarding gate. It trusts only the session token, which is why the token must be updated. */
export async function middleware(req: NextRequest) {
  const { pathname, search } = req.nextUrl
  if (PUBLIC_PAGES.has(pathname)) return NextResponse.next()
  const token = await getToken({ req, secret: authSecret(), secureCookie: useSecureCookies() })
  if (!token) return redirect(req, '/signin', pathname + search)
  if (pathname === ONBOARDING || token.onboardingStep === ONBOARDING_COMPLETED) return NextResponse.next()
  return redirect(req, ONBOARDING, pathname + search)
}

function redirect(req: NextRequest, to: string, from: string) {
  const url = new URL(to, req.url)
  url.searchParams.set('callbackUrl', from)
  const res = NextResponse.redirect(url) // 307
  res.headers.set('Cache-Control', 'private, no-store') // the answer depends on the cookie
  return res
}

export const config = {
  // Node.js middleware (stable in Next 15.5): the generated secret may be read from DATA_DIR.
  runtime: 'nodejs',
  // Pages only. Not /api/*: the onboarding mutation (POST /api/onboarding/complete) is what lets a user
  // through the gate, so gating it would redirect it to /onboarding and onboarding could never complete;
  // API routes check the session themselves and answer 401. Not /_next/* nor files with an extension
  // (/favicon.ico, /logo.png): public files must load on the sign-in and onboarding pages too.
  matcher: ['/((?!api/|_next/|.*\\..*).*)'],
}
