import { NextResponse, type NextRequest } from 'next/server'
import { getToken } from 'next-auth/jwt'
import { gate, SIGN_IN } from '@/demo/gate'
import { DEMO_HOME, safeRedirect } from '@/demo/safe-redirect'
import { authSecret, useSecureCookies } from '@/demo/secret'
import { checkStaleClaims } from '@/demo/stale/gate'
import { publicUrlHeaders } from '@/security/public-url-headers.mjs'

/** Every path: the onboarding gate on the demo's pages, and the headers that follow the public URL on every answer. */
export async function middleware(req: NextRequest) {
  const res = await demoGate(req)
  // HSTS and upgrade-insecure-requests follow the NEXTAUTH_URL this server runs with, not the one the build saw.
  for (const [name, value] of publicUrlHeaders(process.env.NEXTAUTH_URL, req.nextUrl.pathname, process.env.SITE_CSP_HTTPS)) res.headers.set(name, value)
  return res
}

/** The onboarding gate (demo/gate.ts decides; this reads the token and answers), on /demo and under it. */
async function demoGate(req: NextRequest) {
  const { pathname, search } = req.nextUrl
  // The gate covers the pages under /demo; the sign-in page (/demo itself, SIGN_IN) and the rest of the site pass.
  if (!pathname.startsWith(`${SIGN_IN}/`)) return NextResponse.next()

  const found = await getToken({ req, secret: authSecret(), secureCookie: useSecureCookies(req.headers) })
  // Someone else may have changed the user since this token was minted: the session's policy decides (demo/stale).
  const { token, apply } = await checkStaleClaims(req, found)
  const to = gate(pathname, token)
  return apply(to ? redirect(req, to, pathname + search) : NextResponse.next())
}

function redirect(req: NextRequest, to: string, from: string) {
  const url = new URL(to, req.url)
  // The page to come back to, through the same check every redirect uses (its path, query and hash only).
  url.searchParams.set('callbackUrl', safeRedirect(from, req.nextUrl.origin, DEMO_HOME))
  const res = NextResponse.redirect(url)
  // The redirect depends on the cookie: no cache may replay it after the session changes.
  res.headers.set('Cache-Control', 'private, no-store')
  return res
}

export const config = {
  // Node.js runtime (stable in Next 15.5): the secret may live in DATA_DIR, read from disk.
  runtime: 'nodejs',
  // Every path, static files and API routes included: the gate itself acts on /demo only (demoGate).
  matcher: ['/:path*'],
}
