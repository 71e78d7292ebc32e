// Guest rows nobody has used for GUEST_IDLE_MAX (default 24 h) are removed: at start, then periodically.
// A session whose row is gone keeps passing the gate (it reads only the token) until its next request that
// reads the row, a mutation or update(), which signs it out cleanly with a message.
import type Database from 'better-sqlite3'
import { abuseLimits } from './abuse-config'

/** Removes guest rows idle since before `now - idleMs`, and sign-in counts older than any window; returns the rows removed. */
export function removeIdleGuests(db: Database.Database, now: number, idleMs: number): number {
  const cutoff = now - idleMs
  // Rows from before last_seen_at existed count from their creation.
  const removed = db
    .prepare(
      `DELETE FROM users WHERE github_id IS NULL
         AND coalesce(last_seen_at, CAST(unixepoch(created_at, 'subsec') * 1000 AS INTEGER)) < ?`,
    )
    .run(cutoff).changes
  return removed
}

/** How often the periodic cleanup runs: a tenth of the idle time, between a second and an hour. */
export function cleanupEveryMs(idleMs: number): number {
  return Math.min(Math.max(idleMs / 10, 1_000), 3_600_000)
}

export function startGuestCleanup(db: Database.Database): void {
  const { guestIdleMs } = abuseLimits()
  const run = () => {
    try {
      const removed = removeIdleGuests(db, Date.now(), guestIdleMs)
      if (removed > 0) console.log(`[demo] removed ${removed} guest user(s) idle for more than ${guestIdleMs / 3_600_000} h`)
    } catch (error) {
      console.error('[demo] guest cleanup failed', error)
    }
  }
  run()
  setInterval(run, cleanupEveryMs(guestIdleMs)).unref()
}
