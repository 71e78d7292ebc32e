import type Database from 'better-sqlite3'

/**
 * The columns "when someone else changes the user" needs, added to a users table made before they existed
 * (an existing .data/demo.sqlite): ALTER TABLE ... ADD COLUMN when missing. Two servers sharing DATA_DIR may
 * race here; the loser's "duplicate column" error means the column is there, which is all we want.
 */
const COLUMNS: Record<string, string> = {
  suspended: 'INTEGER NOT NULL DEFAULT 0',
  session_epoch: 'INTEGER NOT NULL DEFAULT 0',
}

export function migrateStaleColumns(db: Database.Database) {
  // The look before the ALTER saves a failing statement per start, no more: without it, ALTER on a column that
  // exists fails with "duplicate column" (at prepare, before any lock), which the catch below takes as done.
  // Stryker disable next-line ArrowFunction: equivalent, see above (an empty set only means an ALTER that fails as done).
  const have = new Set((db.prepare('PRAGMA table_info(users)').all() as { name: string }[]).map((c) => c.name))
  for (const [name, type] of Object.entries(COLUMNS)) {
    // Stryker disable next-line ConditionalExpression: equivalent, see above (the ALTER fails as "duplicate column").
    if (have.has(name)) continue
    try {
      db.exec(`ALTER TABLE users ADD COLUMN ${name} ${type}`)
    } catch (error) {
      if (!/duplicate column/i.test((error as Error).message)) throw error
    }
  }
}
