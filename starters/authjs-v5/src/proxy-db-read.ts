// The gate that reads the user's row on every gated navigation: NOT active (Next loads src/proxy.ts only). To use
// it, replace src/proxy.ts with this file. What it buys: a claim changed elsewhere (an admin, another server
// process, a script) gates the very next navigation, instead of when the cookie is next re-issued from the row
// (sign-in, update(), the mutation's response). What it costs: one database read per navigation to a gated page
// (tests/gate-cost.test.ts measures it; the README has the figures).
import { NextResponse } from 'next/server'
import { uncachedAuth } from '~/server/auth'
import { findUserById } from '~/server/db/users'

const PUBLIC_PAGES = new Set(['/', '/signin'])

export async function gateWithDbRead(pathname: string, search: string, userId: string | undefined, url: string): Promise<NextResponse | undefined> {
  if (PUBLIC_PAGES.has(pathname)) return
  const row = userId ? await findUserById(userId) : null
  if (!row) {
    const signin = new URL('/signin', url)
    signin.searchParams.set('callbackUrl', pathname + search)
    return NextResponse.redirect(signin, 307)
  }
  if (row.onboardingStep !== 'COMPLETED' && pathname !== '/onboarding') return NextResponse.redirect(new URL('/onboarding', url), 307)
}

export default uncachedAuth((req) => gateWithDbRead(req.nextUrl.pathname, req.nextUrl.search, req.auth?.user?.id, req.url))

export const config = { matcher: ['/((?!api/|_next/|[^?]*\\.[a-zA-Z0-9]+$).*)'] }
