// No pass-through provider: the built-in update() reaches the jwt callback, which decides what changes.
import type { AuthConfig } from '@auth/core'
import { users } from '../server'

const STEPS = ['INITIAL', 'PROFILE', 'COMPLETED']

export default {
  providers: [],
  callbacks: {
    jwt({ token, user, trigger, session }) {
      if (user) {
        token.role = user.role
        token.onboardingStep = user.onboardingStep
      }
      if (trigger === 'update') {
        // `session` is whatever the client passed to update(): a request to validate, never the truth.
        const asked = session?.onboardingStep
        const row = users.find(token.sub)
        // Accept a known step, and only once the database agrees; the role is never taken from the client.
        if (row && STEPS.includes(asked) && asked === row.onboardingStep) token.onboardingStep = asked
      }
      return token
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, role: token.role, onboardingStep: token.onboardingStep } }
    },
  },
} satisfies Omit<AuthConfig, 'secret'>
