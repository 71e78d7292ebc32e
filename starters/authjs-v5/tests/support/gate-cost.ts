// What each gate costs per navigation, in process with the real proxies (src/proxy.ts and src/proxy-db-read.ts,
// next-auth's auth() wrapper) and the real database: database queries (Drizzle's logger counts them) and time.
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { expect, it } from 'vitest'
import { Browser, setUp } from './in-process'

type Proxy = (req: unknown, ctx: unknown) => Promise<Response | undefined>

export function gateCostSuite(name: 'PGlite' | 'PostgreSQL', databaseUrl?: string) {
  it(`the token-only gate reads no row; the db-read variant reads one per navigation (${name})`, async () => {
    await setUp({ databaseUrl })
    const { handlers } = await import('~/server/auth')
    const { queryCount } = await import('~/server/db')
    const { completeOnboarding } = await import('~/server/onboarding')
    const { NextRequest } = await import('next/server')
    const gates = {
      'token only (src/proxy.ts)': (await import('~/proxy')).default as unknown as Proxy,
      'row read (src/proxy-db-read.ts)': (await import('~/proxy-db-read')).default as unknown as Proxy,
    }
    const browser = new Browser(handlers as never)
    await browser.signInDev(`gate-cost-${Date.now()}@example.com`)
    const { decode } = await import('@auth/core/jwt')
    const token = (await decode({ token: browser.jar.get('authjs.session-token')!, secret: process.env.AUTH_SECRET!, salt: 'authjs.session-token' }))!
    await completeOnboarding({ id: token.sub!, sid: token.sid! }, {})
    const { csrfToken } = (await (await browser.request('/api/auth/csrf')).json()) as { csrfToken: string }
    await browser.request('/api/auth/session', { json: { csrfToken, data: {} } })

    const navigations = Number(process.env.GATE_COST_NAVIGATIONS ?? 200)
    const navigate = async (gate: Proxy) => {
      const req = new NextRequest('http://localhost:3000/dashboard', { headers: { cookie: browser.cookieHeader(), host: 'localhost:3000', 'x-forwarded-proto': 'http' } }) // as Next's server sets them
      const res = await gate(req, {})
      return res?.status ?? 200 // undefined: the gate lets the request through
    }
    const figures: Record<string, { queriesPerNavigation: number; msPerNavigation: number }> = {}
    for (const [label, gate] of Object.entries(gates)) {
      for (let i = 0; i < 20; i++) expect(await navigate(gate)).toBe(200) // warm-up
      const queries = queryCount()
      const started = performance.now()
      for (let i = 0; i < navigations; i++) await navigate(gate)
      figures[label] = { queriesPerNavigation: (queryCount() - queries) / navigations, msPerNavigation: (performance.now() - started) / navigations }
    }
    const dir = path.resolve(import.meta.dirname, '../../test-results')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, `gate-cost-${name}.json`), `${JSON.stringify({ database: name, navigations, figures }, null, 2)}\n`)
    console.log(`Gate cost on ${name}, ${navigations} navigations to /dashboard:`)
    for (const [label, f] of Object.entries(figures)) console.log(`  ${label}: ${f.queriesPerNavigation} queries, ${f.msPerNavigation.toFixed(2)} ms per navigation`)
    expect(figures['token only (src/proxy.ts)']!.queriesPerNavigation).toBe(0)
    expect(figures['row read (src/proxy-db-read.ts)']!.queriesPerNavigation).toBe(1)
  }, 300_000) // opening PGlite (Postgres in WebAssembly) alone took 40 s on a loaded 2-core machine
}
