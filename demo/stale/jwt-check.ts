// The same decision inside next-auth's jwt callback (GET/POST /api/auth/session), so a session the gate would end
// does not live on through useSession() or update(). next-auth v4 cannot be told "no session" by a null here:
// a throw is what makes its session route clear the cookie (next-auth/core/routes/session.js, catch →
// sessionStore.clean()); v5 accepts `return null` (@auth/core/lib/actions/session.js).
import type { JWT } from 'next-auth/jwt'
import { decide, nowSeconds } from './policy'
import { readAccess } from './store'

export class SessionEnded extends Error {
  constructor(readonly reason: string) {
    super(`Session ended by its stale-claims policy: ${reason}.`)
  }
}

export function checkInJwtCallback(token: JWT): JWT {
  const verdict = decide(token, nowSeconds(), readAccess)
  if (verdict.kind === 'end') throw new SessionEnded(verdict.reason)
  return verdict.kind === 'refresh' ? verdict.token : token
}

/** A fresh sign-in starts at the row's current epoch, so "sign out everywhere" never refuses the next sign-in. */
export function currentEpoch(userId: string): number {
  return readAccess(userId)?.sessionEpoch ?? 0
}
