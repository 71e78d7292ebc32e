// The claims this demo keeps in its JWT, and the single place where a user becomes a token
// and a token becomes a session. Every provider and callback goes through here.
import { randomUUID } from 'node:crypto'
import type { JWT } from 'next-auth/jwt'
import type { Session, User } from 'next-auth'
import type { UserRow } from './users'

export const ONBOARDING_COMPLETED = 'COMPLETED'
export const ONBOARDING_INITIAL = 'INITIAL'

/** The provider ids that can mint a session here: `mintedBy` names one of them. */
export const PROVIDERS = {
  guest: 'demo',
  github: 'github',
  ticket: 'session-update',
  naive: 'session-update-naive',
  /** "Return as yourself": re-mints a naive session's original user from its row (demo/providers/restore.ts). */
  restore: 'session-restore',
} as const

/** A session minted by the deliberately vulnerable provider: no other writer acts on it. */
export function isNaiveSession(token: Pick<JWT, 'mintedBy'> | null | undefined): boolean {
  return token?.mintedBy === PROVIDERS.naive
}

/**
 * The user whose row decides whether a session may live: its own `sub`, or for a naive session the caller who
 * minted it (`realSub`, set by the server), never the id the browser forged. Undefined: a naive session minted
 * with no session before it, which belongs to no user and can write nothing.
 */
export function accountOf(token: Pick<JWT, 'sub' | 'mintedBy' | 'realSub'>): string | undefined {
  return isNaiveSession(token) ? token.realSub : token.sub
}

export function userFromRow(row: UserRow, origin?: Pick<User, 'signedInWith' | 'signedInAt' | 'epoch' | 'stalePolicy'>): User {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    image: row.image,
    role: row.role,
    onboardingStep: row.onboardingStep,
    ver: row.version,
    ...origin,
  }
}

/** What a session-update provider needs to rebuild the token next-auth is about to replace. */
export function userFromToken(token: JWT): User {
  return {
    id: token.sub ?? '',
    name: token.name,
    email: token.email,
    image: token.picture,
    role: token.role,
    onboardingStep: token.onboardingStep,
    ver: token.ver,
    signedInWith: token.signedInWith,
    signedInAt: token.signedInAt,
    sid: token.sid,
    // A re-mint must keep the session's epoch and policy: re-reading them would let a revoked session renew itself.
    epoch: token.epoch,
    stalePolicy: token.stalePolicy,
    checkedAt: token.checkedAt,
  }
}

/**
 * The jwt callback's sign-in branch. next-auth v4 hands the jwt callback a fresh token holding only
 * name, email, picture and sub, so every custom claim must be copied from `user` here, or it is lost.
 */
export function tokenFromUser(base: JWT, user: User, provider: string): JWT {
  return {
    ...base,
    sub: String(user.id),
    role: user.role ?? 'reader',
    onboardingStep: user.onboardingStep ?? ONBOARDING_INITIAL,
    ver: typeof user.ver === 'number' ? user.ver : 0,
    mintedBy: provider,
    signedInWith: user.signedInWith ?? provider,
    signedInAt: user.signedInAt ?? Math.floor(Date.now() / 1000),
    // The session id: minted at sign-in, carried through every update; a ticket names it.
    sid: user.sid ?? randomUUID(),
    // Only the naive provider's session carries realSub, and only the server sets it (from the caller's cookie).
    ...(provider === PROVIDERS.naive && user.realSub ? { realSub: user.realSub } : {}),
    ...staleClaims(user),
  }
}

/** demo/stale's claims, only when the user object has them (a first sign-in's row starts at epoch 0). */
function staleClaims({ epoch, stalePolicy, checkedAt }: User): Partial<JWT> {
  return Object.fromEntries(Object.entries({ epoch, stalePolicy, checkedAt }).filter(([, v]) => v !== undefined))
}

/** The token a credentials sign-in mints for `user`: next-auth's default claims, then ours (as the jwt callback does). */
export function signInToken(user: User, provider: string): JWT {
  return tokenFromUser({ name: user.name, email: user.email, picture: user.image, sub: String(user.id) }, user, provider)
}

export function tokenFromRow(token: JWT, row: UserRow): JWT {
  return {
    ...token,
    name: row.name,
    role: row.role,
    onboardingStep: row.onboardingStep,
    ver: row.version,
  }
}

export function sessionFromToken(session: Session, token: JWT): Session {
  return {
    ...session,
    user: {
      id: token.sub ?? '',
      name: token.name ?? null,
      email: token.email ?? null,
      image: token.picture ?? null,
      role: token.role,
      onboardingStep: token.onboardingStep,
    },
    mintedBy: token.mintedBy,
  }
}
