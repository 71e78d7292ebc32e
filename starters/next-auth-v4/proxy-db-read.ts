// The gate that reads the user's row on every gated navigation: NOT active (Next loads proxy.ts only). To use it,
// replace proxy.ts with this file. What it buys: a claim changed elsewhere (an admin, another server process, a
// script) gates the very next navigation, instead of when the cookie is next re-issued from the row (sign-in,
// update(), the ticket, the mutation's response). What it costs: one database read per navigation to a gated page
// (tests/unit/gate-cost.test.ts measures both gates; the README has the figures). The token still says who the
// user is: the cookie is signed and encrypted, the row is the truth about the claims.
import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'
import { ONBOARDING_COMPLETED } from './lib/onboarding-steps'
import { authSecret } from './lib/secret'
import { usesSecureCookies } from './lib/secure-cookies'
import { findUserById } from './lib/users'

const PUBLIC_PAGES = new Set(['/', '/signin'])
const ONBOARDING = '/onboarding'

export async function proxy(req: NextRequest) {
  const { pathname, search } = req.nextUrl
  if (PUBLIC_PAGES.has(pathname)) return NextResponse.next()
  const token = await getToken({ req, secret: authSecret(), secureCookie: usesSecureCookies(req.headers) })
  // A token whose user is gone (deleted, or a database reset) is no session: back to sign-in.
  const row = token?.sub ? await findUserById(token.sub) : undefined
  if (!row) return redirect(req, '/signin', pathname + search)
  if (pathname === ONBOARDING || row.onboardingStep === ONBOARDING_COMPLETED) return NextResponse.next()
  return redirect(req, ONBOARDING, pathname + search)
}

function redirect(req: NextRequest, to: string, from: string) {
  const url = new URL(to, req.url)
  url.searchParams.set('callbackUrl', from)
  const res = NextResponse.redirect(url) // 307
  res.headers.set('Cache-Control', 'private, no-store') // the answer depends on the cookie and the row
  return res
}

// The same pages as proxy.ts (see its comment): never /api/*, /_next/* or public files.
export const config = { matcher: ['/((?!api/|_next/|.*\\..*).*)'] }
