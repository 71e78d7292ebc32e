import type { DefaultSession } from 'next-auth'
import type { OnboardingStep, Role } from '../shared/users'

declare module 'next-auth' {
  interface User {
    role?: Role
    onboardingStep?: OnboardingStep
    ver?: number
    epoch?: number
  }
  interface Session {
    user: { id: string; role?: Role; onboardingStep?: OnboardingStep } & DefaultSession['user']
  }
}

// next-auth/jwt only re-exports @auth/core/jwt: augment the module that declares JWT.
declare module '@auth/core/jwt' {
  interface JWT {
    role?: Role
    onboardingStep?: OnboardingStep
    ver?: number
    /** The user's session epoch when this token was minted, and when the row was last checked (stale-*.ts). */
    epoch?: number
    checkedAt?: number
  }
}
