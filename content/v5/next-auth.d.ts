import type { DefaultSession } from 'next-auth'
import type { OnboardingStep } from '../shared/users'

declare module 'next-auth' {
  interface User {
    role?: 'reader' | 'admin'
    onboardingStep?: OnboardingStep
    ver?: number
  }
  interface Session {
    user: { id: string; role?: 'reader' | 'admin'; onboardingStep?: OnboardingStep } & DefaultSession['user']
  }
}

// next-auth/jwt only re-exports @auth/core/jwt: augment the module that declares JWT.
declare module '@auth/core/jwt' {
  interface JWT {
    role?: 'reader' | 'admin'
    onboardingStep?: OnboardingStep
    ver?: number
  }
}
