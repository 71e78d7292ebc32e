// npm run bench:stale: what each stale-claims policy costs and how late it notices a change made elsewhere.
//  1. The live demo (next-auth 4, production build, its Node.js middleware gate): per policy, 1,000 requests through
//     the gate (database reads from X-Db-Reads, the check's own time from Server-Timing "stale"), and the staleness
//     of a promotion and a suspension: the change is made at a random moment, then one request every 100 ms
//     until a response shows it.
//  2. Auth.js v5 in process: the auth() middleware runs Auth's session action, and so the jwt callback, on every
//     matched request: 1,000 of them per policy with the v5 snippets, counting callbacks and reads.
//  3. Database sessions: next-auth 4's real handler with `strategy: "database"` over an SQLite adapter, 1,000 session
//     checks: the adapter reads it made, counted, and the time of its session⋈user lookup (bench/lib/database-sessions.ts).
// Writes public/charts/stale-policies.{json,svg} (shown in the chapter) and prints the Markdown table.
// `--only database-sessions` measures part 3 alone and updates just that part of the JSON (and the chart);
// `--chart-only` redraws the chart from the committed JSON.
import Credentials from '@auth/core/providers/credentials'
import { readFileSync, writeFileSync } from 'node:fs'
import { decode } from 'next-auth/jwt'
import { db as snippetDb } from '../content/shared/users'
import { authFetch } from '../content/v5/testing/auth-fetch'
import { Client, type Reply } from '../tests/support/client'
import { startServer } from '../tests/support/server'
import { measureDatabaseSessions } from './lib/database-sessions'
import { machine, median, round } from './lib/stats'
import { staleChart, type StaleRow } from './lib/stale-chart'

const REQUESTS = Number(process.env.BENCH_STALE_REQUESTS ?? 1000)
const TRIALS = Number(process.env.BENCH_STALE_TRIALS ?? 3)
const N = Number(process.env.BENCH_STALE_N ?? 2)
const POLL_MS = 100
const GIVE_UP_S = N + 3
const SECRET = 'bench-stale-secret-0123456789abcdef0123456789'
const POLICIES = ['none', 'throttled', 'epoch'] as const
type Policy = (typeof POLICIES)[number]
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

async function demo() {
  const server = await startServer({ env: { STALE_RECHECK_SECONDS: String(N), NEXTAUTH_SECRET: SECRET } })
  try {
    const guest = async (policy: Policy) => {
      const c = new Client(server.url)
      await c.signInGuest('Bench')
      const r = await c.request('/api/demo/stale/policy', { method: 'POST', body_json: { policy } })
      if (r.status !== 200) throw new Error(`policy ${policy}: ${r.status} ${r.text}`)
      return c
    }
    const gate = (c: Client) => c.request('/demo/onboarding')
    const roleIn = async (reply: Reply) => {
      const set = reply.headers.getSetCookie().find((l) => l.startsWith('next-auth.session-token='))
      const value = set?.split(';')[0].split('=')[1]
      return value ? (await decode({ token: value, secret: SECRET }))?.role : undefined
    }
    const results: Record<Policy, { reads: number; checkMs: number; roundTripMs: number; promotionS: number | null; suspensionS: number | null }> = {} as never
    for (const policy of POLICIES) {
      const c = await guest(policy)
      for (let i = 0; i < 20; i++) await gate(c) // warm-up
      let reads = 0
      let checkMs = 0
      const trips: number[] = []
      for (let i = 0; i < REQUESTS; i++) {
        const t = performance.now()
        const reply = await gate(c)
        trips.push(performance.now() - t)
        reads += Number(reply.headers.get('x-db-reads') ?? 0)
        checkMs += Number(/stale;[^,]*dur=([\d.]+)/.exec(reply.headers.get('server-timing') ?? '')?.[1] ?? 0)
      }
      const staleness = async (body: unknown, seen: (r: Reply) => Promise<boolean>) => {
        const samples: number[] = []
        for (let t = 0; t < TRIALS; t++) {
          const u = await guest(policy)
          await sleep(Math.random() * N * 1000)
          const changed = await u.request('/api/demo/admin/change', { method: 'POST', body_json: body })
          if (changed.status !== 200) throw new Error(changed.text)
          const at = performance.now()
          let found: number | null = null
          while ((performance.now() - at) / 1000 < GIVE_UP_S) {
            if (await seen(await gate(u))) {
              found = (performance.now() - at) / 1000
              break
            }
            await sleep(POLL_MS)
          }
          if (found === null) return null
          samples.push(found)
        }
        return round(median(samples), 2)
      }
      const promotionS = await staleness({ role: 'editor' }, async (r) => (await roleIn(r)) === 'editor')
      const suspensionS = await staleness({ suspended: true }, async (r) => r.headers.get('x-session-ended') === 'suspended')
      results[policy] = { reads, checkMs: round(checkMs, 1), roundTripMs: round(median(trips), 3), promotionS, suspensionS }
      console.error(`demo ${policy}:`, results[policy])
    }
    return results
  } finally {
    await server.stop({ clean: true })
  }
}

async function v5() {
  process.env.AUTH_SECRET = SECRET
  // Loaded by path: the v5 snippets type-check against next-auth 5 (content/v5/tsconfig.json), not this program's next-auth 4.
  type Jwt = (params: unknown) => unknown
  type Snippet = { callbacks: { jwt: Jwt } }
  const load = async (p: Policy) => {
    const m = (await import(`../content/v5/stale-${p}.ts`)) as Snippet & { default?: Snippet }
    return (m.callbacks ?? m.default!.callbacks) // tsx may hand a module compiled as CommonJS back as `default`
  }
  const sets = { none: await load('none'), throttled: await load('throttled'), epoch: await load('epoch') }
  const out: Record<Policy, { jwtCalls: number; reads: number; msPer1000: number }> = {} as never
  for (const policy of POLICIES) {
    let jwtCalls = 0
    const jwt = sets[policy].jwt
    const signIn = Credentials({
      id: 'sign-in',
      credentials: { name: {} },
      async authorize() {
        const row = await snippetDb.createUser(crypto.randomUUID(), 'Bench')
        return { id: row.id, name: row.name, role: row.role, onboardingStep: row.onboardingStep }
      },
    })
    const fetch = authFetch({
      secret: SECRET,
      providers: [signIn],
      callbacks: { jwt: (params) => (jwtCalls++, jwt(params) as never) },
      logger: { error() {} },
    })
    const c = new Client('http://localhost:3000', fetch)
    await c.callback('sign-in', { name: 'Bench' })
    // What next-auth-v5's auth() middleware sends Auth for every matched request (lib/index.js getSession).
    const headers = { cookie: c.cookieHeader() }
    const session = () => fetch('http://localhost:3000/api/auth/session', { headers })
    for (let i = 0; i < 200; i++) await session()
    jwtCalls = 0
    const findUser = snippetDb.findUser
    let reads = 0
    snippetDb.findUser = (id) => (reads++, findUser(id))
    const t = performance.now()
    for (let i = 0; i < REQUESTS; i++) await session()
    const ms = performance.now() - t
    snippetDb.findUser = findUser
    out[policy] = { jwtCalls, reads, msPer1000: round((ms * 1000) / REQUESTS, 0) }
    console.error(`v5 ${policy}:`, out[policy])
  }
  return out
}

/** The chart's rows: what a suspension costs to notice, and what each policy costs per 1,000 requests. */
function chartRows(d: Awaited<ReturnType<typeof demo>>, dbs: Awaited<ReturnType<typeof measureDatabaseSessions>>, n: number, requests: number): StaleRow[] {
  const per1000 = (x: number) => round((x * 1000) / requests, 0)
  return [
    { policy: 'none', stalenessS: null, readsPer1000: per1000(d.none.reads), addedMsPer1000: 0 },
    { policy: `throttled re-read (N = ${n} s)`, stalenessS: d.throttled.suspensionS, readsPer1000: per1000(d.throttled.reads), addedMsPer1000: Math.max(0, per1000(d.throttled.checkMs - d.none.checkMs)) },
    { policy: 'per-user epoch', stalenessS: d.epoch.suspensionS, readsPer1000: per1000(d.epoch.reads), addedMsPer1000: Math.max(0, per1000(d.epoch.checkMs - d.none.checkMs)) },
    { policy: 'database sessions (lookup)', stalenessS: 0, readsPer1000: round((dbs.reads * 1000) / dbs.requests, 0), addedMsPer1000: dbs.lookupMsPer1000 },
  ]
}

const chartTitle = (requests: number, trials: number) => `Stale-claims policies: ${requests} requests each, median of ${trials} suspensions`

const FIGURES = 'public/charts/stale-policies.json'
const databaseSessionsRow = (dbs: Awaited<ReturnType<typeof measureDatabaseSessions>>) =>
  `| database sessions | 0 (each request reads the row) | 0 | ${round((dbs.reads * 1000) / dbs.requests, 0)} | ${dbs.lookupMsPer1000} (lookup only; ${dbs.requestMsPer1000} per 1,000 whole session requests) | n/a |`

async function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined
  if (only !== undefined && only !== 'database-sessions') throw new Error(`--only: "${only}" is not a part this bench runs alone (database-sessions is)`)
  if (process.argv.includes('--chart-only') || only) {
    // Redraw the SVG from the committed figures, after measuring the database-sessions part again if asked.
    const f = JSON.parse(readFileSync(FIGURES, 'utf8'))
    if (only) {
      f.databaseSessions = { date: new Date().toISOString(), ...(await measureDatabaseSessions({ requests: REQUESTS })) }
      console.log(databaseSessionsRow(f.databaseSessions))
    }
    f.chart = chartRows(f.demo, f.databaseSessions, f.n, f.requests)
    writeFileSync(FIGURES, JSON.stringify(f, null, 2) + '\n')
    writeFileSync('public/charts/stale-policies.svg', staleChart(f.chart, chartTitle(f.requests, f.trials)))
    return
  }
  const d = await demo()
  const five = await v5()
  const dbs = await measureDatabaseSessions({ requests: REQUESTS })
  const per1000 = (n: number) => round((n * 1000) / REQUESTS, 0)
  const rows = chartRows(d, dbs, N, REQUESTS)
  const figures = { date: new Date().toISOString(), machine: machine(), requests: REQUESTS, trials: TRIALS, n: N, pollMs: POLL_MS, demo: d, v5: five, databaseSessions: dbs, chart: rows }
  writeFileSync(FIGURES, JSON.stringify(figures, null, 2) + '\n')
  writeFileSync('public/charts/stale-policies.svg', staleChart(rows, chartTitle(REQUESTS, TRIALS)))
  const s = (v: number | null) => (v === null ? `not within ${GIVE_UP_S} s (until maxAge)` : `${v} s`)
  console.log(
    [
      `| policy | promotion seen after | suspension ends session after | DB reads / 1,000 req (demo gate) | check ms / 1,000 req (demo gate) | v5 auth(): jwt calls / reads / ms per 1,000 |`,
      `| --- | --- | --- | ---: | ---: | --- |`,
      ...POLICIES.map((p) => `| ${p}${p === 'throttled' ? ` (N = ${N} s)` : ''} | ${s(d[p].promotionS)} | ${s(d[p].suspensionS)} | ${per1000(d[p].reads)} | ${round((d[p].checkMs * 1000) / REQUESTS, 0)} | ${per1000(five[p].jwtCalls)} / ${per1000(five[p].reads)} / ${five[p].msPer1000} |`),
      databaseSessionsRow(dbs),
    ].join('\n'),
  )
}

main().catch((e) => {
  console.error(e)
  process.exit(1)
})
