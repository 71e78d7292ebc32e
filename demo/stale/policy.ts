// The decision every check makes (the gate in middleware.ts, and the jwt callback on /api/auth/session):
// given the token, the time and a way to read the row, keep the token, refresh its claims, or end the session.
// Pure apart from the injected `read`, so the cost of each policy is exactly the reads it asks for.
import type { JWT } from 'next-auth/jwt'
import { accountOf, isNaiveSession } from '../claims'
import type { AccessRow } from './store'

export const POLICIES = ['none', 'throttled', 'epoch'] as const
export type StalePolicy = (typeof POLICIES)[number]

export type Verdict =
  | { kind: 'keep' }
  | { kind: 'refresh'; token: JWT }
  | { kind: 'end'; reason: 'suspended' | 'revoked' | 'deleted' }

/** N for the throttled re-read: STALE_RECHECK_SECONDS (default 30), read per call so a test server can set it. */
export function recheckSeconds(): number {
  const n = Number(process.env.STALE_RECHECK_SECONDS)
  return Number.isFinite(n) && n >= 0 ? n : 30
}

export function policyOf(token: JWT): StalePolicy {
  return POLICIES.includes(token.stalePolicy as StalePolicy) ? (token.stalePolicy as StalePolicy) : 'none'
}

/** What the rule reads from a row: a UserRow (suspended 0/1, from SQLite) or an AccessRow (boolean) both have it. */
export interface AccessFields {
  suspended: boolean | number
  sessionEpoch: number
}

export type EndReason = Extract<Verdict, { kind: 'end' }>['reason']

/**
 * The rule itself: why `row` refuses a session minted at `epoch`, or null. A removed row, a suspension, or an epoch
 * bumped since the session was minted (sign out everywhere, a demotion) each end it. demo/session-access.ts asks it
 * for every mint and write; decide() below for every check a policy makes.
 */
export function refusal(row: AccessFields | undefined, epoch: number | undefined): EndReason | null {
  if (!row) return 'deleted'
  if (row.suspended) return 'suspended'
  if (row.sessionEpoch > (epoch ?? 0)) return 'revoked'
  return null
}

const ended = (reason: EndReason | null): Verdict | null => (reason ? { kind: 'end', reason } : null)

/**
 * The row read is the session's account (claims.ts accountOf): a naive session is checked as the caller who minted
 * it (its server-set realSub), never as the id it forged, and its forged claims are never replaced by the row's.
 */
export function decide(token: JWT, nowSeconds: number, read: (id: string) => AccessRow | undefined): Verdict {
  const policy = policyOf(token)
  const account = accountOf(token)
  if (policy === 'none' || !account) return { kind: 'keep' }
  if (policy === 'epoch') {
    // One small read on every check: revocation is immediate, claims stay as minted.
    return ended(refusal(read(account), token.epoch)) ?? { kind: 'keep' }
  }
  // throttled: no read while the last check is younger than N seconds.
  if (nowSeconds - (token.checkedAt ?? 0) < recheckSeconds()) return { kind: 'keep' }
  const row = read(account)
  const refused = ended(refusal(row, token.epoch))
  // The fallback is for TypeScript, which cannot see that `row` is set past this line.
  // Stryker disable next-line ObjectLiteral,StringLiteral: unreachable, refusal(undefined) is 'deleted' already.
  if (refused || !row) return refused ?? { kind: 'end', reason: 'deleted' }
  if (isNaiveSession(token)) return { kind: 'refresh', token: { ...token, checkedAt: nowSeconds } }
  return { kind: 'refresh', token: withRow(token, row, nowSeconds) }
}

/** The claims a re-read copies from the row, stamped with the time of the check. */
export function withRow(token: JWT, row: AccessRow, nowSeconds: number): JWT {
  return {
    ...token,
    role: row.role,
    onboardingStep: row.onboardingStep,
    ver: row.version,
    epoch: row.sessionEpoch,
    checkedAt: nowSeconds,
  }
}

export const nowSeconds = () => Math.floor(Date.now() / 1000)
