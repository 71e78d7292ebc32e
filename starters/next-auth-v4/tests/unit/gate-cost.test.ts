// What each gate costs per navigation and what it buys, in process with the real gates (proxy.ts and
// proxy-db-read.ts, next-auth's getToken) and the real database (PGlite, and PostgreSQL when TEST_DATABASE_URL is
// set): database queries counted by Drizzle's logger, and time. Figures go to test-results/gate-cost-<db>.json and
// the README's table.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { encode } from 'next-auth/jwt'
import { NextRequest, type NextResponse } from 'next/server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { queryCount } from '../../lib/db/connect.mjs'
import { closeDatabase, database, db } from '../../lib/db'
import { users } from '../../lib/db/schema'
import { completeOnboarding, findOrCreateUserByEmail } from '../../lib/users'
import { proxy as tokenOnly } from '../../proxy'
import { proxy as rowRead } from '../../proxy-db-read'
import { TARGETS, freshDatabase, useDatabase, type Fresh } from '../support/databases'

type Gate = (req: NextRequest) => Promise<NextResponse>
const GATES: Record<string, Gate> = { 'token only (proxy.ts)': tokenOnly, 'row read (proxy-db-read.ts)': rowRead }
const NAVIGATIONS = Number(process.env.GATE_COST_NAVIGATIONS ?? 200)

/** Where the gate sends this navigation: null when it lets it through. */
async function destination(gate: Gate, cookie: string, path = '/dashboard') {
  const res = await gate(new NextRequest(`http://localhost:3000${path}`, { headers: { cookie, host: 'localhost:3000' } }))
  const location = res.headers.get('location')
  return location ? new URL(location).pathname : null
}

describe.each(TARGETS)('the gate on $kind', (target) => {
  let fresh: Fresh
  let cookie: string
  let userId: string
  beforeAll(async () => {
    fresh = await freshDatabase(target)
    useDatabase(fresh)
    await closeDatabase()
    await database() // a new PGlite folder and the migrations: paid here, not by a test
    const user = await findOrCreateUserByEmail(`gate-${Date.now()}@example.com`)
    const row = (await completeOnboarding(user.id))!
    userId = row.id
    // The cookie next-auth itself would have set after the onboarding mutation: the claims of the row.
    const token = await encode({ token: { sub: row.id, sid: 's1', role: row.role, onboardingStep: row.onboardingStep, ver: row.version }, secret: process.env.NEXTAUTH_SECRET! })
    cookie = `next-auth.session-token=${token}`
  }, 180_000)
  afterAll(async () => {
    await closeDatabase()
    await fresh?.drop()
  })

  it(`the token-only gate reads no row; the row-reading one reads one per navigation (${NAVIGATIONS} navigations)`, async () => {
    const figures: Record<string, { queriesPerNavigation: number; msPerNavigation: number }> = {}
    for (const [label, gate] of Object.entries(GATES)) {
      for (let i = 0; i < 20; i++) expect(await destination(gate, cookie)).toBeNull() // warm-up, and both let a completed user through
      const queries = queryCount()
      const started = performance.now()
      for (let i = 0; i < NAVIGATIONS; i++) await destination(gate, cookie)
      figures[label] = { queriesPerNavigation: (queryCount() - queries) / NAVIGATIONS, msPerNavigation: (performance.now() - started) / NAVIGATIONS }
    }
    mkdirSync('test-results', { recursive: true })
    writeFileSync(join('test-results', `gate-cost-${target.kind}.json`), `${JSON.stringify({ database: target.kind, navigations: NAVIGATIONS, figures }, null, 2)}\n`)
    console.log(`Gate cost on ${target.kind}, ${NAVIGATIONS} navigations to /dashboard:`)
    for (const [label, f] of Object.entries(figures)) console.log(`  ${label}: ${f.queriesPerNavigation} queries, ${f.msPerNavigation.toFixed(2)} ms per navigation`)
    expect(figures['token only (proxy.ts)']!.queriesPerNavigation).toBe(0)
    expect(figures['row read (proxy-db-read.ts)']!.queriesPerNavigation).toBe(1)
  }, 300_000)

  it('what the read buys: a claim changed elsewhere gates the next navigation, and a deleted user is signed out', async () => {
    // An admin (or a script, or another server) moves the user back, without touching their cookie.
    await (await db()).update(users).set({ onboardingStep: 'INITIAL' }).where(eq(users.id, userId))
    expect(await destination(tokenOnly, cookie)).toBeNull() // the token still says COMPLETED
    expect(await destination(rowRead, cookie)).toBe('/onboarding')
    expect(await destination(rowRead, cookie, '/onboarding')).toBeNull()
    await (await db()).delete(users).where(eq(users.id, userId))
    expect(await destination(tokenOnly, cookie)).toBeNull()
    expect(await destination(rowRead, cookie)).toBe('/signin')
    expect(await destination(rowRead, 'next-auth.session-token=forged')).toBe('/signin')
  })
})
