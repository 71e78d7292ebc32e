import type { NextAuthOptions } from 'next-auth'
import { z } from 'zod'
import { db } from '../shared/users'

// The only claim a user may set from the browser, and only in this shape.
const editable = z.strictObject({ name: z.string().trim().min(1).max(40) }).partial()

export const callbacks: NextAuthOptions['callbacks'] = {
  async jwt({ token, user, trigger, session }) {
    if (trigger === 'signIn' && user) {
      token.role = user.role
      token.onboardingStep = user.onboardingStep
      token.ver = user.ver // the row version a ticket must beat: without it, tickets replay
    }
    if (trigger === 'update') {
      // `session` is whatever the client passed to update(data): anyone can send anything here.
      const row = token.sub ? await db.findUser(token.sub) : null
      if (row) {
        token.role = row.role
        token.onboardingStep = row.onboardingStep
        token.ver = row.version
      }
      const wanted = editable.safeParse(session ?? {})
      if (wanted.success && wanted.data.name) token.name = wanted.data.name
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
