import type { DefaultSession } from 'next-auth'
import type { OnboardingStep, Role } from '~/server/db/schema'

declare module 'next-auth' {
  interface Session {
    user: { id: string; role?: Role; onboardingStep?: OnboardingStep } & DefaultSession['user']
    ver?: number
  }
  interface User {
    /** Only the session-update provider sets it: the session id the ticket was bound to. */
    sid?: string
  }
}

declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role
    onboardingStep?: OnboardingStep
    /** The row version these claims were read at. */
    ver?: number
    /** A random id per sign-in: tickets are bound to it. */
    sid?: string
  }
}
