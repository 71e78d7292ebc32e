import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'
import { ONBOARDING_COMPLETED } from './lib/onboarding-steps'
import { authSecret } from './lib/secret'
import { usesSecureCookies } from './lib/secure-cookies'

const PUBLIC_PAGES = new Set(['/', '/signin'])
const ONBOARDING = '/onboarding'

/** The onboarding gate. It trusts only the session token (no database read), which is why the token must be updated. */
export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl
  if (PUBLIC_PAGES.has(pathname)) return NextResponse.next()
  // The cookie name next-auth used for this request (__Secure- behind https): getToken's own default ignores a trusted host.
  const token = await getToken({ req, secret: authSecret(), secureCookie: usesSecureCookies(req.headers) })
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
  // Pages only. Not /api/*: the auth routes, and the onboarding mutation (POST /api/onboarding/complete), which is
  // what lets a user through the gate: gating it would redirect it to /onboarding and onboarding could never
  // complete; API routes check the session themselves and answer 401. Not /_next/* nor files with an extension
  // (/favicon.ico, /logo.png): public files must load on the sign-in and onboarding pages too.
  // (Next 16 runs the proxy on Node.js, so the secret generated in DATA_DIR for development can be read here.)
  matcher: ['/((?!api/|_next/|.*\\..*).*)'],
}
