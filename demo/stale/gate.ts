// The one call middleware.ts makes for stale claims: run the session's policy on the token the gate is about to
// trust, and say what the response must carry (a refreshed cookie, a cleared one, and what the check cost).
import type { NextRequest, NextResponse } from 'next/server'
import type { JWT } from 'next-auth/jwt'
import { withReadCounter } from '../db-reads'
import { sessionCookieName } from '../session-cookie'
import { decide, nowSeconds, type Verdict } from './policy'
import { sessionCookieFor } from './reissue'
import { readAccess } from './store'

export interface StaleCheck {
  /** The token the gate decides on: refreshed from the row, or null when the session was ended. */
  token: JWT | null
  verdict: Verdict['kind'] | 'no-session'
  /** Adds the cookie change and the cost (`X-Db-Reads`, `Server-Timing: stale;dur=`) to whatever the gate answers. */
  apply(res: NextResponse): NextResponse
}

export async function checkStaleClaims(req: NextRequest, found: JWT | null): Promise<StaleCheck> {
  if (!found) return { token: null, verdict: 'no-session', apply: (res) => res }
  const start = performance.now()
  const { verdict, reads } = withReadCounter((counter) => ({ verdict: decide(found, nowSeconds(), readAccess), reads: counter.reads }))
  const cookie = verdict.kind === 'refresh' ? await sessionCookieFor(verdict.token, req.headers) : null
  const ms = performance.now() - start
  const stamp = (res: NextResponse) => {
    res.headers.set('X-Db-Reads', String(reads))
    res.headers.set('Server-Timing', `stale;desc="${verdict.kind}";dur=${ms.toFixed(3)}`)
    return res
  }
  if (verdict.kind === 'end') {
    return {
      token: null,
      verdict: 'end',
      apply(res) {
        // Every chunk of the session cookie goes: the browser holds nothing that could be replayed.
        const name = sessionCookieName(req.headers)
        for (const { name: n } of req.cookies.getAll()) {
          if (n === name || n.startsWith(`${name}.`)) res.cookies.set(n, '', { path: '/', maxAge: 0 })
        }
        res.headers.set('X-Session-Ended', verdict.reason)
        return stamp(res)
      },
    }
  }
  // A refreshed token that would not fit in one cookie is not written; the next check reads the row again.
  const token = verdict.kind === 'refresh' ? verdict.token : found
  return {
    token,
    verdict: verdict.kind,
    apply(res) {
      if (cookie) res.cookies.set(cookie.name, cookie.value, cookie.options)
      return stamp(res)
    },
  }
}
