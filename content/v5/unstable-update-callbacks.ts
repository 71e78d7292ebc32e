import type { NextAuthConfig } from 'next-auth'
import { db } from '../shared/users'

// auth.ts (callbacks) for unstable_update: call it in the Server Action, route handler or tRPC procedure that
// wrote the row, as `await unstable_update({})`. It posts to Auth.js in-process, with no CSRF check, and sets the
// answer's cookies through next/headers: the mutation's own response carries the new session.
export const callbacks: NextAuthConfig['callbacks'] = {
  async jwt({ token, user, trigger }) {
    if (trigger === 'signIn' && user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
      token.ver = user.ver
    }
    if (trigger === 'update') {
      // Whatever `data` was passed is ignored: the row the mutation just wrote is the truth.
      const row = token.sub ? await db.findUser(token.sub) : null
      if (row) {
        token.role = row.role
        token.onboardingStep = row.onboardingStep
        token.ver = row.version
      }
    }
    return token
  },
  async session({ session, token }) {
    session.user.id = token.sub ?? ''
    session.user.role = token.role
    session.user.onboardingStep = token.onboardingStep
    return session
  },
}
