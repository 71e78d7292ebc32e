import type { NextAuthOptions } from 'next-auth'
import { db } from '../shared/users'

// Policy "throttled re-read": the jwt callback reads the row again when its last check is older than N seconds,
// so a change made elsewhere reaches the session within N seconds (plus one request). Cost: one read per
// user per N seconds, on the requests that run the callback.
const RECHECK_SECONDS = Number(process.env.SESSION_RECHECK_SECONDS ?? 60)

export const callbacks: NextAuthOptions['callbacks'] = {
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
    // A suspended user loses the session, not just a claim. In v4 a throw is how the jwt callback ends it:
    // the session route catches it and clears the cookie (returning null is not supported before v5).
    if (!row || row.suspended || row.sessionEpoch > (token.epoch ?? 0)) throw new Error('Session revoked')
    token.role = row.role
    token.onboardingStep = row.onboardingStep
    token.checkedAt = now
    return token
  },
}
