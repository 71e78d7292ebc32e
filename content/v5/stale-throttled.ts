import type { NextAuthConfig } from 'next-auth'
import { db } from '../shared/users'

// Policy "throttled re-read" in v5. auth() runs this callback on every call, and the auth() middleware on every
// matched request, so the throttle is what keeps the reads down: one per user per N seconds.
// The middleware must run on Node.js (or use an edge-ready database driver) to reach the row: an edge-safe
// config split from auth.ts has no database, and this callback would never re-read there.
const RECHECK_SECONDS = Number(process.env.SESSION_RECHECK_SECONDS ?? 60)

export const callbacks: NextAuthConfig['callbacks'] = {
  async jwt({ token, user }) {
    const now = Math.floor(Date.now() / 1000)
    if (user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
      token.epoch = user.epoch ?? 0
      token.checkedAt = now
      return token
    }
    if (now - (token.checkedAt ?? 0) < RECHECK_SECONDS) return token

    const row = token.sub ? await db.findUser(token.sub) : null
    // null ends the session: Auth.js clears the cookie. A suspended user loses the session, not just a claim.
    if (!row || row.suspended || row.sessionEpoch > (token.epoch ?? 0)) return null
    token.role = row.role
    token.onboardingStep = row.onboardingStep
    token.checkedAt = now
    return token
  },
}
