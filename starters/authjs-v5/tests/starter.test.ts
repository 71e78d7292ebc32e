// The starter end to end: its production build, `npm start`, Chromium, once on the embedded PGlite and once on a
// fresh PostgreSQL database when TEST_DATABASE_URL is set (tests/support/database.ts).
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appContext, launch } from './support/browser'
import { MISSING_POSTGRES, testDatabases } from './support/database'
import { buildIfNeeded, startApp, type AppServer } from './support/server'

const requestLog: Record<string, string[]> = {}

if (MISSING_POSTGRES) {
  it('runs on PostgreSQL too (CI=true requires TEST_DATABASE_URL)', () => {
    throw new Error('TEST_DATABASE_URL is not set: CI must start PostgreSQL (.ci/postgres.sh) and set it.')
  })
}

afterAll(() => {
  if (Object.keys(requestLog).length) {
    const dir = path.resolve(import.meta.dirname, '../test-results')
    mkdirSync(dir, { recursive: true })
    writeFileSync(path.join(dir, 'requests.json'), `${JSON.stringify(requestLog, null, 2)}\n`)
    console.log('Requests from the click until /dashboard rendered:')
    for (const [name, list] of Object.entries(requestLog)) console.log(`  ${name}: ${list.length}  ${list.join(' · ')}`)
  }
})

for (const database of testDatabases()) describe(`on ${database.name}`, () => {
let app: AppServer
let browser: Browser
let dropDatabase = async () => {}
const contexts: BrowserContext[] = []

beforeAll(async () => {
  buildIfNeeded()
  const created = await database.create()
  dropDatabase = created.drop
  app = await startApp({ databaseUrl: created.url })
  browser = await launch()
})

afterAll(async () => {
  await Promise.all(contexts.map((c) => c.close().catch(() => {})))
  await browser?.close()
  await app?.stop()
  await dropDatabase()
})

async function newContext(): Promise<BrowserContext> {
  const context = await appContext(browser, app.base)
  contexts.push(context)
  return context
}

async function signIn(context: BrowserContext, email: string, page?: Page): Promise<Page> {
  page ??= await context.newPage()
  await page.goto('/signin?callbackUrl=%2Fdashboard')
  await page.getByTestId('signin-email').fill(email)
  await page.getByTestId('signin-submit').click()
  await page.waitForURL(/\/(onboarding|dashboard)$/)
  return page
}

/** The answer to a GET, redirects not followed, with the context's cookies. */
async function gate(context: BrowserContext, pathname: string) {
  const res = await context.request.get(pathname, { maxRedirects: 0 })
  const location = res.headers().location
  return { status: res.status(), to: location ? new URL(location, app.base).pathname : null }
}

function text(page: Page, testid: string, value: string) {
  return page.locator(`[data-testid="${testid}"]`, { hasText: new RegExp(`^${value}$`) }).waitFor({ timeout: 15_000 })
}

/** Requests the page sends to the app (static chunks aside), from now until stop(). */
function recordRequests(page: Page) {
  const list: string[] = []
  const onRequest = (req: { url(): string; method(): string; headers(): Record<string, string> }) => {
    const url = new URL(req.url())
    if (url.origin !== app.base || url.pathname.startsWith('/_next/static')) return
    const kind = req.headers()['next-action'] ? ' (server action)' : req.headers()['rsc'] ? ' (rsc)' : ''
    list.push(`${req.method()} ${url.pathname}${kind}`)
  }
  page.on('request', onRequest)
  return { list, stop: () => page.off('request', onRequest) }
}

describe('signed out', () => {
  it('gates /dashboard and /onboarding to the sign-in page with 307', async () => {
    const context = await newContext()
    expect(await gate(context, '/dashboard')).toEqual({ status: 307, to: '/signin' })
    expect(await gate(context, '/onboarding')).toEqual({ status: 307, to: '/signin' })
    expect((await gate(context, '/signin')).status).toBe(200)
  })

  it('serves the public files to everyone', async () => {
    const context = await newContext()
    for (const [file, type] of [['/favicon.ico', 'image/'], ['/logo.png', 'image/png']]) {
      const res = await context.request.get(file, { maxRedirects: 0 })
      expect(res.status(), file).toBe(200)
      expect(res.headers()['content-type']).toContain(type)
    }
  })

  it('the onboarding API answers 401 itself, never a redirect', async () => {
    const context = await newContext()
    const res = await context.request.post('/api/onboarding/complete', { data: {}, maxRedirects: 0 })
    expect(res.status()).toBe(401)
    expect(await res.json()).toEqual({ error: expect.any(String) })
    const trpc = await context.request.post('/api/trpc/onboarding.completeOnboarding?batch=1', { data: { 0: {} }, maxRedirects: 0 })
    expect(trpc.status()).toBe(401)
  })
})

describe('complete onboarding with each strategy, no new sign-in', () => {
  const mutationPath: Record<string, RegExp> = {
    response: /^\/api\/onboarding\/complete$/,
    trpc: /^\/api\/trpc\/onboarding\.completeOnboarding$/,
    action: /^\/onboarding$/,
  }

  for (const strategy of ['update', 'ticket', 'response', 'trpc', 'action'] as const) {
    it(strategy, async () => {
      const context = await newContext()
      const page = await signIn(context, `${strategy}@example.com`)
      expect(new URL(page.url()).pathname).toBe('/onboarding')
      expect(await gate(context, '/dashboard')).toEqual({ status: 307, to: '/onboarding' })
      await text(page, 'onboarding-step', 'INITIAL')

      const sessionCookieSetBy: string[] = []
      page.on('response', async (res) => {
        const url = new URL(res.url())
        const setCookie = await res.headerValue('set-cookie').catch(() => null)
        if (res.request().method() === 'POST' && setCookie?.includes('authjs.session-token=')) sessionCookieSetBy.push(url.pathname)
      })
      const requests = recordRequests(page)
      await page.getByTestId(`strategy-${strategy}`).check()
      await page.getByTestId('onboarding-submit').click()
      await page.waitForURL(/\/dashboard$/)
      await text(page, 'dashboard-step', 'COMPLETED')
      requests.stop()
      requestLog[`${strategy} (${database.name})`] = requests.list

      expect(await gate(context, '/dashboard')).toEqual({ status: 200, to: null })
      expect(await page.getByTestId('onboarding-error').count()).toBe(0)
      if (strategy in mutationPath) {
        // One request changes the cookie: the mutation itself. No POST to /api/auth/* at all.
        expect(sessionCookieSetBy.filter((p) => mutationPath[strategy]!.test(p))).toHaveLength(1)
        expect(requests.list.filter((r) => r.startsWith('POST /api/auth'))).toEqual([])
        expect(requests.list.filter((r) => r === 'GET /api/auth/session')).toHaveLength(1) // the useSession refetch
      }
      if (strategy === 'update') expect(requests.list).toContain('POST /api/auth/session')
      if (strategy === 'ticket') expect(requests.list).toContain('POST /api/auth/callback/session-update')
    })
  }

  it('sign out and in again with the same email: still COMPLETED', async () => {
    const context = await newContext()
    const page = await signIn(context, 'update@example.com')
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await page.getByTestId('sign-out').click()
    await page.waitForURL(/\/signin/)
    expect(await gate(context, '/dashboard')).toEqual({ status: 307, to: '/signin' })
    await signIn(context, 'update@example.com', page)
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await text(page, 'dashboard-step', 'COMPLETED')
  })

  it('users, sessions and claims survive a restart (the database; migrations applied again change nothing)', async () => {
    expect(existsSync(path.join(app.dataDir, 'pglite'))).toBe(database.name === 'PGlite')
    const before = await newContext()
    await signIn(before, 'ticket@example.com')
    await app.restart()
    expect(await gate(before, '/dashboard')).toEqual({ status: 200, to: null }) // same secret: the cookie still opens
    const context = await newContext()
    const page = await signIn(context, 'ticket@example.com')
    expect(new URL(page.url()).pathname).toBe('/dashboard')
    await text(page, 'dashboard-step', 'COMPLETED')
  })
})

describe('after a server-side update', () => {
  it('useSession() stays stale until update() without argument (1 GET); other tabs follow by broadcast', async () => {
    const context = await newContext()
    const tab = await signIn(context, 'tabs@example.com')
    const other = await context.newPage()
    await other.goto('/onboarding')
    await text(other, 'onboarding-step', 'INITIAL')

    // The mutation alone: the cookie now holds COMPLETED, useSession() in both tabs does not know.
    const res = await tab.evaluate(async () => {
      const r = await fetch('/api/onboarding/complete', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"strategy":"response"}' })
      return r.status
    })
    expect(res).toBe(200)
    expect(await gate(context, '/dashboard')).toEqual({ status: 200, to: null })
    await tab.waitForTimeout(300)
    await text(tab, 'onboarding-step', 'INITIAL')
    await text(other, 'onboarding-step', 'INITIAL')

    // The button's path: mutation, update() with no argument, navigation. The other tab refetches once.
    const otherRequests = recordRequests(other)
    await tab.getByTestId('strategy-response').check()
    await tab.getByTestId('onboarding-submit').click()
    await tab.waitForURL(/\/dashboard$/)
    await text(other, 'onboarding-step', 'COMPLETED')
    otherRequests.stop()
    requestLog[`other tab, after the broadcast (${database.name})`] = otherRequests.list
    expect(otherRequests.list).toEqual(['GET /api/auth/session'])
  })
})

describe('what a client cannot do', () => {
  it('update() with forged role and onboardingStep changes nothing', async () => {
    const context = await newContext()
    const page = await signIn(context, 'forger@example.com')
    await page.getByTestId('forge-update').click()
    await page.getByTestId('forge-result').waitFor()
    expect(await page.getByTestId('forge-result').textContent()).toBe('After a forged update(): role user, step INITIAL.')
    expect(await gate(context, '/dashboard')).toEqual({ status: 307, to: '/onboarding' })
  })

  it('a refused ticket (another session of the same user) leaves the page on /onboarding with the error', async () => {
    const a = await newContext()
    const b = await newContext()
    const page = await signIn(a, 'refused@example.com')
    await signIn(b, 'refused@example.com')
    const foreign = (await (await b.request.post('/api/onboarding/complete', { data: { strategy: 'ticket' } })).json()).ticket as string
    expect(foreign).toMatch(/^ey/)

    // Page A's own mutation runs, but the ticket it receives is B's.
    await page.route('**/api/onboarding/complete', async (route) => {
      const real = await route.fetch()
      await route.fulfill({ response: real, json: { ...(await real.json()), ticket: foreign } })
    })
    const callback = page.waitForResponse((r) => r.url().includes('/api/auth/callback/session-update'))
    await page.getByTestId('strategy-ticket').check()
    await page.getByTestId('onboarding-submit').click()
    const refused = await callback
    // The refusal answers 200, so signIn() resolves with ok: true: only `error` tells.
    expect(refused.status()).toBe(200)
    expect((await refused.json()).url).toContain('error=CredentialsSignin')
    await page.getByTestId('onboarding-error').waitFor()
    expect(await page.getByTestId('onboarding-error').textContent()).toContain('foreign_session')
    await page.waitForTimeout(500)
    expect(new URL(page.url()).pathname).toBe('/onboarding')
    expect(await gate(a, '/dashboard')).toEqual({ status: 307, to: '/onboarding' })
  })

  it('a ticket works once, for its own session: replayed, forged or another user’s, it is refused', async () => {
    const context = await newContext()
    await signIn(context, 'replay@example.com')
    const { ticket } = await (await context.request.post('/api/onboarding/complete', { data: { strategy: 'ticket' } })).json()
    const redeem = async (t: string, ctx = context) => {
      const { csrfToken } = await (await ctx.request.get('/api/auth/csrf')).json()
      const res = await ctx.request.post('/api/auth/callback/session-update', {
        form: { csrfToken, ticket: t },
        headers: { 'X-Auth-Return-Redirect': '1' },
      })
      return new URL((await res.json()).url).searchParams.get('code') ?? 'accepted'
    }
    expect(await redeem(`${ticket.slice(0, -4)}AAAA`)).toBe('invalid_ticket')
    expect(await redeem('eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.')).toBe('invalid_ticket')
    const other = await newContext()
    await signIn(other, 'someone-else@example.com')
    expect(await redeem(ticket, other)).toBe('foreign_user')
    expect(await redeem(ticket)).toBe('accepted')
    expect(await gate(context, '/dashboard')).toEqual({ status: 200, to: null })
    expect(await redeem(ticket)).toBe('stale_ticket')
  })

  it('bad input to the mutation is a 400 with a message, and changes nothing', async () => {
    const context = await newContext()
    await signIn(context, 'bad-input@example.com')
    for (const data of ['{', '{"role":"ADMIN"}', '{"goal":"rule"}']) {
      const res = await context.request.post('/api/onboarding/complete', { data, headers: { 'Content-Type': 'application/json' } })
      expect(res.status(), data).toBe(400)
      expect((await res.json()).error).toEqual(expect.any(String))
    }
    expect(await gate(context, '/dashboard')).toEqual({ status: 307, to: '/onboarding' })
  })
})

describe('the mutation route takes JSON from this origin only', () => {
  it('answers 415 to a form or text body and 403 to another origin, each with a message, and writes nothing', async () => {
    const context = await newContext()
    await signIn(context, 'cross-origin@example.com')
    const post = (headers: Record<string, string>, data = '{}') => context.request.post('/api/onboarding/complete', { data, headers, maxRedirects: 0 })
    for (const type of ['application/x-www-form-urlencoded', 'text/plain', 'multipart/form-data; boundary=x']) {
      const res = await post({ 'Content-Type': type }, 'strategy=response')
      expect(res.status(), type).toBe(415)
      expect((await res.json()).error).toMatch(/JSON/)
    }
    const foreign: Record<string, string>[] = [{ Origin: 'http://evil.example' }, { Origin: app.base.replace('localhost', '127.0.0.1') }, { 'Sec-Fetch-Site': 'same-site' }]
    for (const headers of foreign) {
      const res = await post({ 'Content-Type': 'application/json', ...headers })
      expect(res.status(), JSON.stringify(headers)).toBe(403)
      expect((await res.json()).error).toMatch(/Refused/)
    }
    expect(await gate(context, '/dashboard')).toEqual({ status: 307, to: '/onboarding' })
    const own = await post({ 'Content-Type': 'application/json; charset=utf-8', Origin: app.base })
    expect(own.status()).toBe(200)
    expect(await gate(context, '/dashboard')).toEqual({ status: 307, to: '/onboarding' }) // the cookie still says INITIAL
  })
})

describe('the sign-in page sends the browser to this site only', () => {
  for (const target of ['/\\evil.example', '/\t/evil.example', '/%5Cevil.example', '%2F%2Fevil.example', '//evil.example', 'https://evil.example/']) {
    it(`callbackUrl ${JSON.stringify(target)} lands on /dashboard or /onboarding`, async () => {
      const context = await newContext()
      const page = await context.newPage()
      await page.goto(`/signin?callbackUrl=${encodeURIComponent(target)}`)
      await page.getByTestId('signin-email').fill(`redirect-${Math.random().toString(36).slice(2)}@example.com`)
      await page.getByTestId('signin-submit').click()
      await page.waitForURL(/\/(onboarding|dashboard)$/)
      expect(new URL(page.url()).origin).toBe(app.base)
    })
  }
})
})
