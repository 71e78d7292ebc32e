import type { DefaultSession } from 'next-auth'
import type { OnboardingStep, Role } from '../shared/users'

declare module 'next-auth' {
  /** What authorize() and the adapter return: the jwt callback receives it as `user` on sign-in. */
  interface User {
    role?: Role
    onboardingStep?: OnboardingStep
    ver?: number
    epoch?: number
  }
  /** What useSession() and getServerSession() return. */
  interface Session {
    user: { id: string; role?: Role; onboardingStep?: OnboardingStep } & DefaultSession['user']
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: Role
    onboardingStep?: OnboardingStep
    ver?: number
    /** The user's session epoch when this token was minted, and when the row was last checked (stale-*.ts). */
    epoch?: number
    checkedAt?: number
  }
}
