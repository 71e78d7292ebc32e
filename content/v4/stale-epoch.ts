import type { NextAuthOptions } from 'next-auth'
import { db } from '../shared/users'

// Policy "per-user epoch": the token carries the user's sessionEpoch from sign-in; "sign out everywhere", a
// suspension or a demotion bump the row's. Every check compares the two (one small read) and refuses an
// older token. In v4 the jwt callback runs only on /api/auth/session, never in middleware: the gate must
// make the same check itself (stale-gate.ts).
export const callbacks: NextAuthOptions['callbacks'] = {
  async jwt({ token, user }) {
    if (user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
      token.epoch = user.epoch ?? 0 // authorize() returns the row's current epoch
      return token
    }
    const row = token.sub ? await db.findUser(token.sub) : null
    if (!row || row.suspended || row.sessionEpoch > (token.epoch ?? 0)) throw new Error('Session revoked')
    return token
  },
}

/** "Sign out everywhere": every session of this user, on every device, fails its next check. */
export async function signOutEverywhere(userId: string) {
  await db.signOutEverywhere(userId)
}
