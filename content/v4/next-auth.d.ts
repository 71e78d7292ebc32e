import type { DefaultSession } from 'next-auth'
import type { OnboardingStep } from '../shared/users'

declare module 'next-auth' {
  /** What authorize() and the adapter return: the jwt callback receives it as `user` on sign-in. */
  interface User {
    role?: 'reader' | 'admin'
    onboardingStep?: OnboardingStep
    ver?: number
  }
  /** What useSession() and getServerSession() return. */
  interface Session {
    user: { id: string; role?: 'reader' | 'admin'; onboardingStep?: OnboardingStep } & DefaultSession['user']
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: 'reader' | 'admin'
    onboardingStep?: OnboardingStep
    ver?: number
  }
}
