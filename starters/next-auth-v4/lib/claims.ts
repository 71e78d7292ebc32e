// The one place that says which claims the session carries and where they come from: the row.
import type { JWT } from 'next-auth/jwt'
import type { UserRow } from './users'

export type SessionClaims = { role: string; onboardingStep: string; ver: number }

/** The claims the proxy and pages trust, read from the database row, never from a client. */
export function claimsFromRow(row: UserRow): SessionClaims {
  return { role: row.role, onboardingStep: row.onboardingStep, ver: row.version }
}

/** The token with the row's claims applied (sub, sid and next-auth's own fields are kept). */
export function tokenWithRow(token: JWT, row: UserRow): JWT {
  return { ...token, sub: row.id, email: row.email, name: row.name, ...claimsFromRow(row) }
}
