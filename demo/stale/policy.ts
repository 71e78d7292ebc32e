// The decision every check makes (the gate in middleware.ts, and the jwt callback on /api/auth/session):
// given the token, the time and a way to read the row, keep the token, refresh its claims, or end the session.
// Pure apart from the injected `read`, so the cost of each policy is exactly the reads it asks for.
import type { JWT } from 'next-auth/jwt'
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

/** A row that must end the session, whatever the policy that read it. */
function refusal(token: JWT, row: AccessRow | undefined): Verdict | null {
  if (!row) return { kind: 'end', reason: 'deleted' }
  if (row.suspended) return { kind: 'end', reason: 'suspended' }
  if (row.sessionEpoch > (token.epoch ?? 0)) return { kind: 'end', reason: 'revoked' }
  return null
}

export function decide(token: JWT, nowSeconds: number, read: (id: string) => AccessRow | undefined): Verdict {
  const policy = policyOf(token)
  if (policy === 'none' || !token.sub) return { kind: 'keep' }
  if (policy === 'epoch') {
    // One small read on every check: revocation is immediate, claims stay as minted.
    return refusal(token, read(token.sub)) ?? { kind: 'keep' }
  }
  // throttled: no read while the last check is younger than N seconds.
  if (nowSeconds - (token.checkedAt ?? 0) < recheckSeconds()) return { kind: 'keep' }
  const row = read(token.sub)
  const refused = refusal(token, row)
  if (refused || !row) return refused ?? { kind: 'end', reason: 'deleted' }
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
