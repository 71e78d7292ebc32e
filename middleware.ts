import { NextResponse, type NextRequest } from 'next/server'
import { getToken } from 'next-auth/jwt'
import { gate } from '@/demo/gate'
import { authSecret, useSecureCookies } from '@/demo/secret'

/** The onboarding gate (demo/gate.ts decides; this reads the token and answers). */
export async function middleware(req: NextRequest) {
  const { pathname, search } = req.nextUrl
  const token = await getToken({ req, secret: authSecret(), secureCookie: useSecureCookies() })
  const to = gate(pathname, token)
  return to ? redirect(req, to, pathname + search) : NextResponse.next()
}

function redirect(req: NextRequest, to: string, from: string) {
  const url = new URL(to, req.url)
  url.searchParams.set('callbackUrl', from)
  const res = NextResponse.redirect(url)
  // The redirect depends on the cookie: no cache may replay it after the session changes.
  res.headers.set('Cache-Control', 'private, no-store')
  return res
}

export const config = {
  // Node.js runtime (stable in Next 15.5): the secret may live in DATA_DIR, read from disk.
  runtime: 'nodejs',
  matcher: ['/demo/:path*'],
}
