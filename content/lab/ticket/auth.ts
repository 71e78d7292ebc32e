// The hardened pass-through: the client can only hand back a ticket the server signed after the mutation.
import Credentials from '@auth/core/providers/credentials'
import type { AuthConfig } from '@auth/core'
import { readSessionToken, verifyTicket } from '../server'

export default {
  providers: [
    Credentials({
      id: 'session-update',
      credentials: { ticket: {} },
      async authorize(credentials, request) {
        // Who is asking: the session this request already carries. No session, no update.
        const current = await readSessionToken(request)
        if (!current?.sub) throw new Error('No current session: a ticket only updates the session it was issued for.')
        const ticket = await verifyTicket(credentials.ticket)
        if (ticket.sub !== current.sub) throw new Error('This ticket was issued to another user.')
        if (ticket.ver <= (current.ver ?? 0)) throw new Error('This ticket is not newer than the session.')
        // Auth.js builds a brand-new token from what we return: carry the current one over, then apply the ticket.
        return { id: current.sub, email: current.email, ...ticket.claims, ver: ticket.ver }
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.role = user.role
        token.onboardingStep = user.onboardingStep
        token.ver = user.ver
      }
      return token
    },
    session({ session, token }) {
      return { ...session, user: { ...session.user, id: token.sub, role: token.role, onboardingStep: token.onboardingStep } }
    },
  },
} satisfies Omit<AuthConfig, 'secret'>
