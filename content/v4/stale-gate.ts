import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'
import { db } from '../shared/users'
import { secureCookies, sessionCookieName } from './reissue-session'

// middleware.ts for the epoch policy in v4. withAuth and getToken only decrypt the cookie; they never run the
// jwt callback, so a revoked token would pass the gate. This gate reads the row itself (one read per matched
// request), which needs the Node.js runtime to reach the database (stable since Next.js 15.5).
export async function middleware(req: NextRequest) {
  const secure = secureCookies(req.headers) // the name next-auth gave the cookie on this request
  const token = await getToken({ req, secureCookie: secure })
  const row = token?.sub ? await db.findUser(token.sub) : null
  if (token && row && !row.suspended && row.sessionEpoch <= (token.epoch ?? 0)) return NextResponse.next()

  const res = NextResponse.redirect(new URL('/signin', req.url))
  // Ended: the browser keeps nothing to replay, the cookie and any chunks (name.0, name.1, …) of it.
  const name = sessionCookieName(secure)
  if (token) for (const { name: n } of req.cookies.getAll()) if (n.startsWith(name)) res.cookies.delete(n)
  return res
}

// Pages only, as the gate chapter's matcher: API routes check the session themselves, public files load for all.
export const config = { runtime: 'nodejs', matcher: ['/((?!api/|_next/|signin|.*\\..*).*)'] }
