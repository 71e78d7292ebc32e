// The update on the server: the mutation itself calls unstable_update({}), so its response carries the new
// session cookie. No provider for the client: the jwt callback ignores what the update sends and reads the row.
import type { AuthConfig } from '@auth/core'
import { users } from '../server'

export default {
  providers: [],
  callbacks: {
    jwt({ token, user, trigger }) {
      if (user) {
        token.role = user.role
        token.onboardingStep = user.onboardingStep
      }
      if (trigger === 'update') {
        // unstable_update() lands here, from the server. Its `session` is ignored: the row is the truth.
        const row = users.find(token.sub)
        if (!row) return null // the user is gone: no session
        token.role = row.role
        token.onboardingStep = row.onboardingStep
      }
      return token
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, role: token.role, onboardingStep: token.onboardingStep } }
    },
  },
} satisfies Omit<AuthConfig, 'secret'>
