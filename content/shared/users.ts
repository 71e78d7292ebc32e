// A stand-in for your database, so that every snippet runs as it is: swap it for your ORM.
export type OnboardingStep = 'INITIAL' | 'COMPLETED'

export interface UserRow {
  id: string
  name: string
  role: 'reader' | 'admin'
  onboardingStep: OnboardingStep
  /** Bumped by every write: a ticket for an older version is stale. */
  version: number
}

const rows = new Map<string, UserRow>()

export const db = {
  async findUser(id: string): Promise<UserRow | null> {
    return rows.get(id) ?? null
  },
  async createUser(id: string, name: string): Promise<UserRow> {
    const row: UserRow = { id, name, role: 'reader', onboardingStep: 'INITIAL', version: 1 }
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
}
