import type { NextAuthConfig } from 'next-auth'
import { db } from '../shared/users'

// Policy "per-user epoch" in v5: one small read on every auth() call. With the auth() middleware that is
// every matched request, so the check lives in the jwt callback and the gate needs nothing more.
export const callbacks: NextAuthConfig['callbacks'] = {
  async jwt({ token, user }) {
    if (user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
      token.epoch = user.epoch ?? 0
      return token
    }
    const row = token.sub ? await db.findUser(token.sub) : null
    if (!row || row.suspended || row.sessionEpoch > (token.epoch ?? 0)) return null // the cookie is cleared
    return token
  },
}
