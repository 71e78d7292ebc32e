// A short run of `npm run bench:starters` (bench/starters.ts) on the starters the contract suite has already built
// (preparedStarter reuses its install and build): one update each, Better Auth's cache at 3 s. It fails when a
// starter's strategy stops doing what the Better Auth chapter's table says: the update takes the mutation and one
// navigation, the warm gate reads nothing, Better Auth's cold gate asks the database, its revocation ends with the
// cache, and a next-auth JWT outlives a sign-out elsewhere. Timings are not asserted (the full bench measures them).
import { describe, expect, it } from 'vitest'
import { hasBrowser } from '../../e2e/support/browser'
import { benchStarters } from '../../bench/starters'

describe.runIf(hasBrowser)('bench:starters, short run', () => {
  it('each starter: 2 requests per update, 0 reads per warm gate, and its revocation behaviour', async () => {
    const run = await benchStarters({ rttMs: 20, runs: 1, cacheMaxAge: 3, nextAuthCapMs: 4_000 })
    for (const figures of Object.values(run.starters)) {
      expect(figures.requestsPerUpdate).toBe(2)
      expect(figures.gateReadsWarm).toBe(0)
      expect(figures.updateWrites).toBeGreaterThanOrEqual(1) // the step is written to the row
      expect(figures.cookieBytes).toBeGreaterThan(0)
      expect(figures.authCodeLines.total).toBeGreaterThan(0)
    }
    const ba = run.starters['better-auth']
    expect(ba.gateReadsCold).toBeGreaterThan(0) // a cold cache falls back to the database
    expect(ba.revocation.refusedAfterMs).not.toBeNull()
    expect(ba.revocation.refusedAfterMs!).toBeLessThan(3_000 + 2_000)
    for (const name of ['next-auth-v4', 'authjs-v5'] as const) {
      expect(run.starters[name].revocation.refusedAfterMs).toBeNull() // the JWT passes until its own maxAge
    }
  }, 240_000)
})
