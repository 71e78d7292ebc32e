// The demo's user store: one SQLite table. Reads are counted (see db-reads.ts) so the demo
// can show which session-update strategy touches the database.
import { randomUUID } from 'node:crypto'
import { db } from './db'
import { countRead } from './db-reads'
import { ONBOARDING_COMPLETED, ONBOARDING_INITIAL } from './claims'
import { rememberWrite } from './recent-writes'

export interface UserRow {
  id: string
  name: string
  email: string | null
  image: string | null
  role: string
  onboardingStep: string
  goal: string | null
  version: number
}

const COLUMNS = `id, name, email, image, role, onboarding_step AS onboardingStep, goal, version`

export function createGuest(name: string): UserRow {
  return db()
    .prepare(`INSERT INTO users (id, name, onboarding_step) VALUES (?, ?, ?) RETURNING ${COLUMNS}`)
    .get(randomUUID(), name, ONBOARDING_INITIAL) as UserRow
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

/** Every write bumps `version`, which is what makes an older ticket detectable. */
function setStep(id: string, step: string, goal: string | null): UserRow | undefined {
  const row = db()
    .prepare(
      `UPDATE users SET onboarding_step = ?, goal = ?, version = version + 1,
         updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
       WHERE id = ? RETURNING ${COLUMNS}`,
    )
    .get(step, goal, id) as UserRow | undefined
  // The stale-cookie race guard (recent-writes.ts) needs to know which version is current.
  if (row) rememberWrite(row.id, row.version)
  return row
}

export function completeOnboarding(id: string, goal: string): UserRow | undefined {
  return setStep(id, ONBOARDING_COMPLETED, goal)
}

export function resetOnboarding(id: string): UserRow | undefined {
  return setStep(id, ONBOARDING_INITIAL, null)
}

/** Public view of a row: what the API answers with. */
export function publicUser(row: UserRow) {
  const { id, name, role, onboardingStep, goal, version } = row
  return { id, name, role, onboardingStep, goal, version }
}
