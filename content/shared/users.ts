// A stand-in for your database, so that every snippet runs as it is: swap it for your ORM.
export type OnboardingStep = 'INITIAL' | 'COMPLETED'
export type Role = 'reader' | 'editor' | 'admin'

export interface UserRow {
  id: string
  name: string
  role: Role
  onboardingStep: OnboardingStep
  /** Bumped by every write: a ticket for an older version is stale. */
  version: number
  /** Bumped by "sign out everywhere" and by changes that take access away: older sessions are refused. */
  sessionEpoch: number
  suspended: boolean
}

const rows = new Map<string, UserRow>()

export const db = {
  async findUser(id: string): Promise<UserRow | null> {
    return rows.get(id) ?? null
  },
  async createUser(id: string, name: string): Promise<UserRow> {
    const row: UserRow = { id, name, role: 'reader', onboardingStep: 'INITIAL', version: 1, sessionEpoch: 0, suspended: false }
    rows.set(id, row)
    return row
  },
  async completeOnboarding(id: string): Promise<UserRow | null> {
    const row = rows.get(id)
    if (!row) return null
    const next = { ...row, onboardingStep: 'COMPLETED' as const, version: row.version + 1 }
    rows.set(id, next)
    return next
  },
  // What an admin or a job does elsewhere: the row changes, the user's cookie does not.
  async setRole(id: string, role: Role): Promise<UserRow | null> {
    return write(id, (row) => ({ role, sessionEpoch: row.sessionEpoch + (role === 'reader' && row.role !== 'reader' ? 1 : 0) }))
  },
  async suspend(id: string): Promise<UserRow | null> {
    return write(id, (row) => ({ suspended: true, sessionEpoch: row.sessionEpoch + 1 }))
  },
  async signOutEverywhere(id: string): Promise<UserRow | null> {
    return write(id, (row) => ({ sessionEpoch: row.sessionEpoch + 1 }))
  },
}

function write(id: string, change: (row: UserRow) => Partial<UserRow>): UserRow | null {
  const row = rows.get(id)
  if (!row) return null
  const next = { ...row, ...change(row), version: row.version + 1 }
  rows.set(id, next)
  return next
}
