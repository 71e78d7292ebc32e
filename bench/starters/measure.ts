// One starter, measured as a reader runs it: `npm start` of its production build (tests/starters/support, the same
// install and build the contract suite uses), behind the bench's delaying proxy (bench/lib/network.ts), so every
// request pays the emulated round trip. A browser signs a user up; the figures come from its cookie jar and from
// the server's own count of database queries (STARTER_DB_QUERY_LOG=1: each starter's Drizzle logger prints a line).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { localContext } from '../../e2e/support/browser'
import { freePort } from '../../tests/support/server'
import { signIn, startStarter, starterSettings, type RunningStarter } from '../../tests/starters/support/starter'
import { delayingProxy } from '../lib/network'
import { median, round } from '../lib/stats'

export type StarterName = 'next-auth-v4' | 'authjs-v5' | 'better-auth'
export const STARTERS: StarterName[] = ['next-auth-v4', 'authjs-v5', 'better-auth']
const isBetterAuth = (name: StarterName) => name === 'better-auth'

/** The session's cookies: next-auth's token (chunks included), Better Auth's token and its cookie cache. */
const SESSION_COOKIE = /(session-token|session_token|session_data)(\.\d+)?$/

export interface StarterFigures {
  requestsPerUpdate: number
  updateReads: number
  updateWrites: number
  gateReadsWarm: number
  gateReadsCold: number
  coldMeans: string
  cookieBytes: number
  cookies: string[]
  mutationToGateMs: number
  mutationToGateSamples: number[]
  revocation: { refusedAfterMs: number | null; waitedMs: number; configured: string }
}

export interface BenchOptions {
  rttMs: number
  runs: number
  /** How long device B's gate is polled after A signs out (everywhere); Better Auth needs its cache maxAge. */
  revocationCapMs: number
  /** Better Auth's SESSION_CACHE_MAX_AGE for this run (seconds); its default is 60. */
  cacheMaxAge?: number
}

/** Counts the server's queries by verb between two points of its output. */
class QueryLog {
  constructor(private server: RunningStarter) {}
  mark() {
    return this.server.log().length
  }
  async since(mark: number) {
    await new Promise((r) => setTimeout(r, 100)) // stdout reaches us asynchronously
    const lines = this.server.log().slice(mark).split('\n').filter((l) => l.startsWith('db-query '))
    const reads = lines.filter((l) => l === 'db-query select').length
    return { reads, writes: lines.length - reads }
  }
}

const gate = async (p: Page) => (await p.request.get('/dashboard', { maxRedirects: 0 })).status()

async function signedUp(browser: Browser, base: string, email: string, returning = false): Promise<{ context: BrowserContext; page: Page }> {
  const context = await localContext(browser, base)
  const page = await context.newPage()
  await signIn(page, email, { returning })
  return { context, page }
}

async function sessionCookies(context: BrowserContext) {
  const cookies = (await context.cookies()).filter((c) => SESSION_COOKIE.test(c.name))
  return { names: cookies.map((c) => c.name), bytes: cookies.reduce((sum, c) => sum + c.name.length + 1 + c.value.length, 0) }
}

async function signOutEverywhere(name: StarterName, page: Page, base: string) {
  if (isBetterAuth(name)) {
    // What the dashboard's button (authClient.revokeOtherSessions) sends, Origin included: Better Auth refuses without it.
    const res = await page.request.post('/api/auth/revoke-other-sessions', { data: {}, headers: { origin: base } })
    if (!res.ok()) throw new Error(`revoke-other-sessions: ${res.status()} ${await res.text()}`)
    return
  }
  // next-auth has no "everywhere": a JWT lives in its cookie. Device A signs out; that is all it can do.
  const { csrfToken } = await (await page.request.get('/api/auth/csrf')).json()
  await page.request.post('/api/auth/signout', { form: { csrfToken, callbackUrl: '/signin' }, maxRedirects: 0 })
}

export async function measureStarter(name: StarterName, dir: string, browser: Browser, options: BenchOptions): Promise<StarterFigures> {
  const port = await freePort()
  const proxy = await delayingProxy(port, options.rttMs / 2)
  const base = `http://localhost:${proxy.port}`
  const settings = starterSettings(name)
  const { mkdtempSync } = await import('node:fs')
  const { tmpdir } = await import('node:os')
  const { join } = await import('node:path')
  const server = await startStarter(dir, {
    port,
    // The public URL is the proxy's: the browser only ever talks to it (Better Auth checks the Origin against it).
    envLocal: () => ({ [settings.secret]: `bench-${Date.now()}-0123456789abcdef0123456789`, [settings.publicUrl]: base }),
    env: {
      DATA_DIR: mkdtempSync(join(tmpdir(), 'starter-bench-')),
      DEV_SIGN_IN: '1',
      STARTER_DB_QUERY_LOG: '1',
      ...(options.cacheMaxAge ? { SESSION_CACHE_MAX_AGE: String(options.cacheMaxAge) } : {}),
    },
  })
  const queries = new QueryLog(server)
  const contexts: BrowserContext[] = []
  try {
    const samples: number[] = []
    let figures: Omit<StarterFigures, 'mutationToGateMs' | 'mutationToGateSamples' | 'revocation'> | undefined
    for (let i = 0; i < options.runs + 1; i++) {
      const { context, page } = await signedUp(browser, base, `bench-${i}-${Date.now()}@example.com`)
      contexts.push(context)
      if ((await gate(page)) !== 307) throw new Error(`${name}: the gate let a user through before onboarding`)
      const before = queries.mark()
      const start = performance.now()
      const res = await page.request.post('/api/onboarding/complete', { data: { strategy: 'response' }, maxRedirects: 0 })
      if (res.status() >= 300) throw new Error(`${name}: the update answered ${res.status()} ${await res.text()}`)
      const update = await queries.since(before)
      const afterUpdate = queries.mark()
      const firstGate = await gate(page)
      const ms = performance.now() - start
      if (firstGate !== 200) throw new Error(`${name}: the first navigation after the update was refused (${firstGate})`)
      const cold = await queries.since(afterUpdate)
      if (i > 0) samples.push(ms) // the first round warms the server's routes
      if (i !== options.runs) continue
      const warmMark = queries.mark()
      if ((await gate(page)) !== 200) throw new Error(`${name}: a later navigation was refused`)
      const warm = await queries.since(warmMark)
      const cookies = await sessionCookies(context)
      let gateReadsCold = cold.reads
      let coldMeans = 'the first navigation right after the update'
      if (isBetterAuth(name)) {
        // Cold: the cookie cache gone (expired), the session token alone. The gate must ask the database.
        await context.clearCookies({ name: /session_data$/ })
        const coldMark = queries.mark()
        if ((await gate(page)) !== 200) throw new Error(`${name}: with a cold cache the gate refused a completed user`)
        gateReadsCold = (await queries.since(coldMark)).reads
        coldMeans = 'the cookie cache (session_data) expired: the session token alone'
      }
      figures = { requestsPerUpdate: 2, updateReads: update.reads, updateWrites: update.writes, gateReadsWarm: warm.reads, gateReadsCold, coldMeans, cookieBytes: cookies.bytes, cookies: cookies.names }
    }
    return { ...figures!, mutationToGateMs: round(median(samples), 1), mutationToGateSamples: samples.map((s) => round(s, 1)), revocation: await revocation(name, browser, base, options) }
  } finally {
    await Promise.all(contexts.map((c) => c.close()))
    await server.stop()
    await proxy.close()
  }
}

/** Device A signs out everywhere; device B (the same user, its own session, gate passed) polls its gate until refused. */
async function revocation(name: StarterName, browser: Browser, base: string, options: BenchOptions): Promise<StarterFigures['revocation']> {
  const email = `revoke-${Date.now()}@example.com`
  const a = await signedUp(browser, base, email)
  await a.page.request.post('/api/onboarding/complete', { data: { strategy: 'response' } })
  // B signs in after the update, so its own session carries the completed step from the row.
  const b = await signedUp(browser, base, email, true)
  try {
    if ((await gate(a.page)) !== 200 || (await gate(b.page)) !== 200) throw new Error(`${name}: both devices should pass before the revocation`)
    const start = performance.now()
    await signOutEverywhere(name, a.page, base)
    for (;;) {
      const waited = performance.now() - start
      if ((await gate(b.page)) !== 200) return { refusedAfterMs: Math.round(performance.now() - start), waitedMs: Math.round(waited), configured: configured(name, options) }
      if (waited > options.revocationCapMs) return { refusedAfterMs: null, waitedMs: Math.round(waited), configured: configured(name, options) }
      await new Promise((r) => setTimeout(r, 250))
    }
  } finally {
    await a.context.close()
    await b.context.close()
  }
}

const configured = (name: StarterName, options: BenchOptions) =>
  isBetterAuth(name) ? `cookie cache maxAge ${options.cacheMaxAge ?? 60} s` : 'JWT session maxAge 30 days'
