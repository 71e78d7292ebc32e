import type { DefaultSession } from 'next-auth'

declare module 'next-auth' {
  interface Session {
    user: DefaultSession['user'] & { id: string; role: string; onboardingStep: string }
  }
  interface User {
    /** Only set by the session-update provider: the session it continues. */
    sid?: string
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string
    onboardingStep?: string
    /** The row's version the claims were read from. */
    ver?: number
    /** A random id minted at sign-in: a ticket only updates the session it was issued to. */
    sid?: string
  }
}
