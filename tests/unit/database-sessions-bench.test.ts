// The database-sessions row of `npm run bench:stale` (bench/lib/database-sessions.ts) is a measurement, not a
// constant: next-auth 4's real handler with `strategy: "database"` over the SQLite adapter, its reads counted.
// A small run must count one getSessionAndUser call, and one join on SQLite, per session request made.
import { expect, it } from 'vitest'
import { measureDatabaseSessions } from '@/bench/lib/database-sessions'

it('every session request through the real handler is one counted adapter read and one SQLite lookup', async () => {
  // Fewer users than requests: each session is checked more than once, so a cache of a session would show.
  const requests = 25
  const figures = await measureDatabaseSessions({ requests, users: 10, warmUp: 3 })
  expect(figures.answered).toBe(requests) // each check found its user: the lookup was measured, not a miss
  expect(figures.reads).toBe(requests)
  expect(figures.getSessionAndUser).toBe(requests)
  expect(figures.lookups).toBe(requests)
  expect(figures.writes).toBe(0) // a fresh session is not extended: nothing but the lookup is timed
  expect(figures.lookupMsPer1000).toBeGreaterThan(0)
  expect(figures.requestMsPer1000).toBeGreaterThan(figures.lookupMsPer1000)
})
