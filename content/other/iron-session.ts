// iron-session 9: the whole session is sealed into the cookie, so changing a claim is re-sealing it into the
// response you are already sending. No database is read by the gate, and none can end another browser's copy.
import { getIronSession, nextProxyCookies, webCookies, type SessionOptions } from 'iron-session'
import { NextResponse, type NextRequest } from 'next/server'

export interface OnboardingSession {
  userId?: string
  onboardingStep?: 'STARTED' | 'COMPLETED'
}

export function sessionOptions(password = process.env.SESSION_PASSWORD): SessionOptions {
  // iron-session itself refuses a password under 32 characters, but only at the first request: refuse at start.
  if (!password || password.length < 32) throw new Error('SESSION_PASSWORD is not set (32 characters or more).')
  return { cookieName: 'session', password, cookieOptions: { secure: process.env.NODE_ENV === 'production' } }
}

// app/api/onboarding/complete/route.ts: write the user's row first, then mirror it into the cookie of this answer.
export async function POST(request: Request): Promise<Response> {
  const headers = new Headers()
  const session = await getIronSession<OnboardingSession>(webCookies(request, headers), sessionOptions())
  if (!session.userId) return Response.json({ error: 'Not signed in' }, { status: 401, headers })
  session.onboardingStep = 'COMPLETED'
  await session.save() // appends Set-Cookie to `headers`: the browser holds the new claim when this answer lands
  return Response.json({ onboardingStep: session.onboardingStep }, { headers })
}

// middleware.ts (proxy.ts in Next 16): the gate unseals the cookie; it never asks a database.
export async function middleware(request: NextRequest): Promise<NextResponse> {
  const response = NextResponse.next()
  const session = await getIronSession<OnboardingSession>(nextProxyCookies(request, response), sessionOptions())
  if (!session.userId) return NextResponse.redirect(new URL('/sign-in', request.url))
  const onboarding = request.nextUrl.pathname.startsWith('/onboarding')
  if (session.onboardingStep !== 'COMPLETED' && !onboarding) return NextResponse.redirect(new URL('/onboarding', request.url))
  return response
}
