// The demo's user store: one SQLite table. Reads are counted (see db-reads.ts) so the demo
// can show which session-update strategy touches the database.
import { randomUUID } from 'node:crypto'
import { db } from './db'
import { countRead } from './db-reads'
import { ONBOARDING_COMPLETED, ONBOARDING_INITIAL } from './claims'
import { rememberWrite } from './recent-writes'
import { ADMITTED_SQL } from './session-access'

export interface UserRow {
  id: string
  name: string
  email: string | null
  image: string | null
  role: string
  onboardingStep: string
  goal: string | null
  version: number
  /** 1 while suspended (demo/stale): with sessionEpoch, what session-access.ts decides from, at no extra read. */
  suspended: number
  sessionEpoch: number
}

const COLUMNS = `id, name, email, image, role, onboarding_step AS onboardingStep, goal, version, suspended, session_epoch AS sessionEpoch`

/** Thrown when the guest rows are at GUEST_ROWS_MAX: the message is safe to show. */
export class GuestRowsFull extends Error {}

/** A new guest row, unless the table already holds `maxGuests` of them (checked in the same write transaction). */
export function createGuest(name: string, maxGuests = Infinity, now = Date.now()): UserRow {
  const insert = db().transaction(() => {
    if (Number.isFinite(maxGuests) && guestCount() >= maxGuests) {
      throw new GuestRowsFull('The demo holds as many guests as it allows right now. Try again later: idle guests are removed.')
    }
    return db()
      .prepare(`INSERT INTO users (id, name, onboarding_step, last_seen_at) VALUES (?, ?, ?, ?) RETURNING ${COLUMNS}`)
      .get(randomUUID(), name, ONBOARDING_INITIAL, now) as UserRow
  })
  return insert.immediate()
}

/** Guest rows (every row that is not a GitHub user). */
export function guestCount(): number {
  return (db().prepare(`SELECT count(*) AS n FROM users WHERE github_id IS NULL`).get() as { n: number }).n
}

export function upsertGithubUser(p: { githubId: string; name: string; email?: string | null; image?: string | null }): UserRow {
  return db()
    .prepare(
      `INSERT INTO users (id, name, email, image, github_id, onboarding_step) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (github_id) DO UPDATE SET name = excluded.name, email = excluded.email, image = excluded.image
       RETURNING ${COLUMNS}`,
    )
    .get(randomUUID(), p.name, p.email ?? null, p.image ?? null, p.githubId, ONBOARDING_INITIAL) as UserRow
}

export function findUser(id: string): UserRow | undefined {
  countRead()
  return db().prepare(`SELECT ${COLUMNS} FROM users WHERE id = ?`).get(id) as UserRow | undefined
}

/** The row, read for a session update, marked as in use now (idle guests are removed: see guest-cleanup.ts). */
export function touchUser(id: string, now = Date.now()): UserRow | undefined {
  countRead()
  return db().prepare(`UPDATE users SET last_seen_at = ? WHERE id = ? RETURNING ${COLUMNS}`).get(now, id) as UserRow | undefined
}

/**
 * Every write bumps `version`, which is what makes an older ticket detectable. Written only for a session the
 * access rule admits at `epoch` (the session's): undefined when the row is gone, suspended or revoked.
 */
function setStep(id: string, epoch: number, step: string, goal: string | null): UserRow | undefined {
  const row = db()
    .prepare(
      `UPDATE users SET onboarding_step = ?, goal = ?, version = version + 1,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), last_seen_at = ?
       WHERE id = ? AND ${ADMITTED_SQL} RETURNING ${COLUMNS}`,
    )
    .get(step, goal, Date.now(), id, epoch) as UserRow | undefined
  // The stale-cookie race guard (recent-writes.ts) needs to know which version is current.
  if (row) rememberWrite(row.id, row.version)
  return row
}

export function completeOnboarding(id: string, goal: string, epoch = 0): UserRow | undefined {
  return setStep(id, epoch, ONBOARDING_COMPLETED, goal)
}

export function resetOnboarding(id: string, epoch = 0): UserRow | undefined {
  return setStep(id, epoch, ONBOARDING_INITIAL, null)
}

/** Public view of a row: what the API answers with. */
export function publicUser(row: UserRow) {
  const { id, name, role, onboardingStep, goal, version } = row
  return { id, name, role, onboardingStep, goal, version }
}
