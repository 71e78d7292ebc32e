// The onboarding gate. /dashboard needs a session whose user finished onboarding; /onboarding needs a session.
// The signed cookie cache answers without a database read, but only to let a user through: a cache that is cold,
// expired, or says "not yet" is checked against the database, whose answer re-warms the cache in this response.
// So a stale cache (written by a slow request that began before the step changed) can never hold a user back, and a
// revoked session keeps passing for at most SESSION_CACHE_MAX_AGE seconds (README: "Sign out everywhere").
import { applySetCookies, getCookieCache } from 'better-auth/cookies'
import { type NextRequest, NextResponse } from 'next/server'
import { auth } from '~/server/better-auth'
import { secureCookies } from '~/server/settings.mjs'

type SessionUser = { onboardingStep?: string | null }

const passes = (pathname: string, user: SessionUser) => !pathname.startsWith('/dashboard') || user.onboardingStep === 'COMPLETED'

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl
  const { secret } = await auth.$context
  const cached = await getCookieCache(request, { secret, isSecure: secureCookies(), strategy: 'compact' })
  if (cached && passes(pathname, cached.user as SessionUser)) return NextResponse.next()

  const { headers: answer, response: session } = await auth.api.getSession({
    headers: request.headers,
    query: { disableCookieCache: true },
    returnHeaders: true,
  })
  const setCookies = answer.getSetCookie()
  let response: NextResponse
  if (!session) {
    response = NextResponse.redirect(new URL(`/signin?callbackUrl=${encodeURIComponent(pathname + search)}`, request.url))
  } else if (!passes(pathname, session.user)) {
    response = NextResponse.redirect(new URL('/onboarding', request.url))
  } else {
    // The page rendered behind this request reads the same fresh cache the browser is about to get.
    const forwarded = new Headers(request.headers)
    applySetCookies(forwarded, setCookies)
    response = NextResponse.next({ request: { headers: forwarded } })
  }
  for (const cookie of setCookies) response.headers.append('set-cookie', cookie)
  return response
}

export const config = { matcher: ['/dashboard/:path*', '/onboarding/:path*'] }
