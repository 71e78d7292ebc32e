import NextAuth from 'next-auth'
import { NextResponse } from 'next/server'
import { authConfig } from './auth.config'
import { authSecret } from './server/secret'

// The middleware's own Auth.js instance, from the database-free config. A plain object, not the lazy
// `NextAuth(() => config)` form that auth.ts uses: with a lazy config, `auth(handler)` returns a Promise
// of the middleware, not the middleware (next-auth lib/index.js initAuth: the `async (...args)` wrapper
// around the `isReqWrapper` branch), and Next refuses it ("must export a `middleware` or a `default`
// function"). This module is only evaluated by the running server, so reading the secret here is fine.
const { auth } = NextAuth({ ...authConfig, secret: authSecret() })

const PUBLIC_PAGES = new Set(['/', '/signin'])

export default auth((req) => {
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
  // Node.js, not the edge: in development the secret may be the one generated into DATA_DIR, which
  // only Node can read (server/secret.ts). auth.config.ts stays database-free all the same, so this
  // runs no query per page view; with AUTH_SECRET set you may delete this line to run on the edge.
  runtime: 'nodejs',
  // Pages only. Not /api: the onboarding mutation must reach its handler while the user is still
  // onboarding (redirecting it to /onboarding is the bug this starter fixes), every API route answers
  // 401 itself, and /api/auth/* must never be gated. Not _next/* nor any path with a file extension:
  // public files (/favicon.ico, /logo.png) are served to everyone, signed in or not.
  matcher: ['/((?!api/|_next/|[^?]*\\.[a-zA-Z0-9]+$).*)'],
}
