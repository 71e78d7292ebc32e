// Module augmentation: the demo's own claims on the user, the session and the JWT (next-auth v4).
import type { DefaultSession } from 'next-auth'

declare module 'next-auth' {
  interface User {
    role?: string
    onboardingStep?: string
    /** The user row's version when this user object was made: tickets must be newer. */
    ver?: number
    /** The provider of the original sign-in, carried through session updates. */
    signedInWith?: string
    signedInAt?: number
    /** The session id to carry (a ticket is bound to it); a fresh one is minted when absent. */
    sid?: string
    /** Naive sessions only: the caller's own user id before the naive sign-in (set by the server). */
    realSub?: string
    /** demo/stale: the session epoch and stale-claims policy, carried through session updates. */
    epoch?: number
    stalePolicy?: string
    checkedAt?: number
  }

  interface Session {
    user: {
      id: string
      role?: string
      onboardingStep?: string
    } & DefaultSession['user']
    /** The provider that minted the current token. */
    mintedBy?: string
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    role?: string
    onboardingStep?: string
    ver?: number
    mintedBy?: string
    signedInWith?: string
    signedInAt?: number
    /** A random id minted at sign-in and carried by every update: tickets are bound to it. */
    sid?: string
    /** Naive sessions only: the user id of the real session the naive sign-in replaced (set by the server). */
    realSub?: string
    /** The row's session_epoch when this session began; carried through session updates (demo/stale). */
    epoch?: number
    /** Which stale-claims policy this session runs under (demo/stale/policy.ts), and when it last read the row. */
    stalePolicy?: string
    checkedAt?: number
  }
}
