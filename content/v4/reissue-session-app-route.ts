import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'
import { db } from '../shared/users'
import { CookieNameError, secureCookies, sessionCookies } from './reissue-session'

// app/api/onboarding/complete/route.ts: the same with the App Router (next-auth v4 still serves /api/auth).
export async function POST(req: NextRequest) {
  const token = await getToken({ req, secureCookie: secureCookies(req.headers) })
  if (!token?.sub) return NextResponse.json({ error: 'Sign in first' }, { status: 401 })
  const row = await db.completeOnboarding(token.sub)
  if (!row) return NextResponse.json({ error: 'No such user' }, { status: 404 })
  const claims = { ...token, role: row.role, onboardingStep: row.onboardingStep, ver: row.version }
  const res = NextResponse.json({ user: row })
  try {
    for (const line of await sessionCookies(claims, req.headers)) res.headers.append('Set-Cookie', line)
  } catch (error) {
    if (error instanceof CookieNameError) return NextResponse.json({ error: error.message }, { status: 400 })
    throw error
  }
  return res
}
