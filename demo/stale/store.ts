// The user row as seen by the stale-claims policies: the claims a token copies, plus the two fields that can
// end a session (suspended, session_epoch). Reads are counted (db-reads.ts) so the bench and Server-Timing
// show what each policy costs.
import { db } from '../db'
import { countRead } from '../db-reads'

export interface AccessRow {
  role: string
  onboardingStep: string
  version: number
  sessionEpoch: number
  suspended: boolean
}

export const ROLES = ['reader', 'editor'] as const
export type Role = (typeof ROLES)[number]

const SELECT = `SELECT role, onboarding_step AS onboardingStep, version, session_epoch AS sessionEpoch, suspended FROM users WHERE id = ?`

export function readAccess(id: string): AccessRow | undefined {
  countRead()
  const row = db().prepare(SELECT).get(id) as (Omit<AccessRow, 'suspended'> & { suspended: number }) | undefined
  return row && { ...row, suspended: row.suspended === 1 }
}

/**
 * What an admin or a job does to the row, never to the cookie. A demotion (editor → reader) and a suspension
 * take something away, so they also bump the epoch: every existing session is refused on its next check.
 * A promotion only bumps `version`: sessions may learn it late (a policy's staleness), nobody gains access early.
 */
export function changeAccess(id: string, change: { role?: Role; suspended?: boolean }): AccessRow | undefined {
  return db().transaction(() => {
    const before = readAccess(id)
    if (!before) return undefined
    const revokes = (change.role === 'reader' && before.role !== 'reader') || (change.suspended === true && !before.suspended)
    // Stryker disable next-line ConditionalExpression: equivalent, Number(undefined) is NaN, which SQLite binds as NULL.
    const suspended = change.suspended === undefined ? null : Number(change.suspended)
    db()
      .prepare(
        `UPDATE users SET role = coalesce(?, role), suspended = coalesce(?, suspended), version = version + 1,
           session_epoch = session_epoch + ?, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`,
      )
      .run(change.role ?? null, suspended, revokes ? 1 : 0, id)
    return readAccess(id)
  })()
}

/** "Sign out everywhere": every token minted before this call carries an older epoch. */
export function bumpEpoch(id: string): AccessRow | undefined {
  db().prepare(`UPDATE users SET session_epoch = session_epoch + 1, updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?`).run(id)
  return readAccess(id)
}
