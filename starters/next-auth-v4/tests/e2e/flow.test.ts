// The whole app, built, started with `npm start` (own port, own database), in Chromium: once on the embedded
// PGlite, and again on PostgreSQL when TEST_DATABASE_URL is set (tests/support/databases.ts).
import { decode } from 'next-auth/jwt'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { TARGETS, freshDatabase, type Fresh } from '../support/databases'
import { TEST_SECRET, launch, startServer } from '../support/server'

describe.each(TARGETS)('next-auth v4 starter on $kind', (target) => {
  let server: Awaited<ReturnType<typeof startServer>>
  let browser: Browser
  let database: Fresh
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    database = await freshDatabase(target)
    ;[server, browser] = await Promise.all([startServer(database), launch()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    await database?.drop()
  })

  async function newPage(): Promise<Page> {
    const context = await browser.newContext({ baseURL: server.base })
    contexts.push(context)
    const page = await context.newPage()
    page.on('pageerror', (e) => console.error('page error:', e))
    return page
  }

  async function signIn(page: Page, email: string) {
    await page.goto('/signin')
    await page.getByTestId('signin-email').fill(email)
    await page.getByTestId('signin-submit').click()
    await page.waitForURL(/\/(onboarding|dashboard)/)
  }

  const status = async (page: Page, path: string) => {
    const res = await page.request.get(path, { maxRedirects: 0 })
    return { status: res.status(), location: res.headers().location ?? '' }
  }

  async function complete(page: Page, strategy: 'update' | 'ticket' | 'response') {
    await page.getByTestId(`strategy-${strategy}`).check()
    const requests: string[] = []
    const onRequest = (r: { method(): string; url(): string; resourceType(): string }) => {
      if (['fetch', 'xhr', 'document'].includes(r.resourceType())) requests.push(`${r.method()} ${new URL(r.url()).pathname}`)
    }
    page.on('request', onRequest)
    const mutation = page.waitForResponse((r) => r.url().endsWith('/api/onboarding/complete'))
    await page.getByTestId('onboarding-submit').click()
    const response = await mutation
    await page.waitForURL(/\/dashboard$/)
    await expect.poll(() => page.getByTestId('dashboard-step').textContent()).toBe('COMPLETED')
    page.off('request', onRequest)
    return { response, requests: requests.filter((r) => !r.includes('/_next/')) }
  }

  it('signed out: pages go to /signin, public files and the API are not redirected', async () => {
    const page = await newPage()
    expect(await status(page, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/^\/signin\?callbackUrl=%2Fdashboard|\/signin/) })
    expect((await page.request.get('/favicon.ico', { maxRedirects: 0 })).status()).toBe(200)
    const logo = await page.request.get('/logo.png', { maxRedirects: 0 })
    expect([logo.status(), logo.headers()['content-type']]).toEqual([200, 'image/png'])
    const api = await page.request.post('/api/onboarding/complete', { data: {}, maxRedirects: 0 })
    expect(api.status()).toBe(401)
  })

  for (const strategy of ['update', 'ticket', 'response'] as const) {
    it(`${strategy}: sign in, gated to /onboarding, complete, dashboard 200, sign out and in: still COMPLETED`, async () => {
      const page = await newPage()
      const email = `${strategy}-${Date.now()}@example.com`
      await signIn(page, email)
      expect(page.url()).toMatch(/\/onboarding\?callbackUrl=%2Fdashboard$/)
      expect(await status(page, '/dashboard')).toMatchObject({ status: 307, location: expect.stringContaining('/onboarding') })
      await expect.poll(() => page.getByTestId('onboarding-step').textContent()).toBe('INITIAL')

      const { response, requests } = await complete(page, strategy)
      console.log(`requests for ${strategy}:`, requests.join(', '))
      if (strategy === 'response') {
        // The session cookie came back in the mutation's own response...
        const setCookie = await response.headerValue('set-cookie')
        expect(setCookie).toMatch(/^next-auth\.session-token=[^;]+;.*HttpOnly; SameSite=Lax/)
        // ...so no auth request changed the cookie: only useSession()'s one refetch.
        expect(requests.filter((r) => r.includes('/api/auth/'))).toEqual(['GET /api/auth/session'])
      }
      if (strategy === 'update') {
        expect(requests.filter((r) => r.includes('/api/auth/'))).toEqual(['GET /api/auth/csrf', 'POST /api/auth/session'])
      }
      expect((await status(page, '/dashboard')).status).toBe(200)

      await page.getByTestId('sign-out').click()
      await page.waitForURL(/\/signin/)
      expect((await status(page, '/dashboard')).status).toBe(307)
      await signIn(page, email)
      expect(new URL(page.url()).pathname).toBe('/dashboard')
      expect(await page.getByTestId('dashboard-step').textContent()).toBe('COMPLETED')
    })
  }

  it('update() with forged role and onboardingStep changes nothing', async () => {
    const page = await newPage()
    await signIn(page, `forger-${Date.now()}@example.com`)
    const session = await page.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/csrf')).json()
      const res = await fetch('/api/auth/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ csrfToken, data: { role: 'admin', onboardingStep: 'COMPLETED', user: { role: 'admin' } } }),
      })
      return res.json()
    })
    expect(session.user).toMatchObject({ role: 'user', onboardingStep: 'INITIAL' })
    expect((await status(page, '/dashboard')).status).toBe(307)
  })

  it('a refused ticket leaves the page on /onboarding with the error shown', async () => {
    const page = await newPage()
    await signIn(page, `tampered-${Date.now()}@example.com`)
    await page.route('**/api/onboarding/complete', async (route) => {
      const res = await route.fetch()
      const body = await res.json()
      const [h, p, s] = body.ticket.split('.')
      await route.fulfill({ response: res, json: { ...body, ticket: [h, p, s.slice(0, -4) + (s.endsWith('AAAA') ? 'BBBB' : 'AAAA')].join('.') } })
    })
    await page.getByTestId('strategy-ticket').check()
    await page.getByTestId('onboarding-submit').click()
    await expect.poll(() => page.getByTestId('onboarding-error').textContent()).toMatch(/signature/)
    expect(new URL(page.url()).pathname).toBe('/onboarding')
    await expect.poll(() => page.getByTestId('onboarding-step').textContent()).toBe('INITIAL')
  })

  it('a ticket issued to one session is refused in another session of the same user', async () => {
    const a = await newPage()
    const b = await newPage()
    const email = `two-sessions-${Date.now()}@example.com`
    await signIn(a, email)
    await signIn(b, email)
    const { ticket } = await (await a.request.post('/api/onboarding/complete', { data: {} })).json()
    const result = await b.evaluate(async (ticket) => {
      const { csrfToken } = await (await fetch('/api/auth/csrf')).json()
      const res = await fetch('/api/auth/callback/session-update', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ csrfToken, ticket, json: 'true' }),
      })
      return { status: res.status, url: (await res.json()).url as string }
    }, ticket)
    expect(result.status).toBe(401)
    expect(decodeURIComponent(result.url)).toMatch(/another session/)
  })

  it('App Router route handler: the same mutation sets the session cookie in its response', async () => {
    const page = await newPage()
    await signIn(page, `app-router-${Date.now()}@example.com`)
    const res = await page.request.post('/api/onboarding/complete-app', { data: { strategy: 'response' }, maxRedirects: 0 })
    expect(res.status()).toBe(200)
    expect(res.headers()['set-cookie']).toMatch(/next-auth\.session-token=[^;]+; Path=\/; Expires=[^;]+; HttpOnly; SameSite=lax/i)
    expect((await status(page, '/dashboard')).status).toBe(200)
    expect((await page.request.post('/api/onboarding/complete-app', { data: { strategy: 'nope' } })).status()).toBe(400)
  })

  it('bad input: 400 with a message, 405 for GET, 401 signed out', async () => {
    const page = await newPage()
    expect((await page.request.get('/api/onboarding/complete')).status()).toBe(405)
    await signIn(page, `bad-input-${Date.now()}@example.com`)
    const bad = await page.request.post('/api/onboarding/complete', { data: { strategy: 'everything' } })
    expect([bad.status(), (await bad.json()).error]).toEqual([400, expect.stringContaining('strategy')])
    expect((await status(page, '/dashboard')).status).toBe(307)
  })

  it('data and sessions survive a restart (the database, and the secret from the settings)', async () => {
    const page = await newPage()
    const email = `restart-${Date.now()}@example.com`
    await signIn(page, email)
    await complete(page, 'update')
    const cookies = await page.context().cookies()
    await server.stop()
    server = await startServer(database)
    const again = await newPage()
    await again.context().addCookies(cookies.map((c) => ({ ...c, domain: 'localhost' })))
    // Cookies are per host, not per port: the old session cookie is still valid after the restart.
    const res = await again.request.get(`${server.base}/dashboard`, { maxRedirects: 0 })
    expect(res.status()).toBe(200)
  })

  // The stale-cookie race (lib/recent-writes.ts): a session read that set off before the mutation carries the old
  // cookie and is answered after it. next-auth re-sets the session cookie on every read: it must not be the old claims.
  it('race guard: a session read carrying the pre-mutation cookie, answered after it, hands back the new claims', async () => {
    const page = await newPage()
    const email = `race-${Date.now()}@example.com`
    const otherDevice = await newPage()
    await signIn(otherDevice, email)
    await signIn(page, email)
    const before = (await page.context().cookies()).find((c) => c.name === 'next-auth.session-token')!
    expect((await decode({ token: before.value, secret: TEST_SECRET }))?.onboardingStep).toBe('INITIAL')
    await complete(page, 'response')
    const slow = await fetch(`${server.base}/api/auth/session`, { headers: { cookie: `next-auth.session-token=${before.value}` } })
    expect((await slow.json()).user.onboardingStep).toBe('COMPLETED')
    const reissued = slow.headers.getSetCookie().find((c) => c.startsWith('next-auth.session-token='))!
    const token = await decode({ token: reissued.split(';')[0].split('=')[1], secret: TEST_SECRET })
    expect(token).toMatchObject({ onboardingStep: 'COMPLETED', ver: 2 })
    // The guard is per session: another sign-in of the same user keeps its claims until it updates itself.
    expect((await (await otherDevice.request.get('/api/auth/session')).json()).user.onboardingStep).toBe('INITIAL')
  })

  it('the mutation routes take JSON only (415) and from their own origin only (403, with a message)', async () => {
    const page = await newPage()
    await signIn(page, `guards-${Date.now()}@example.com`)
    for (const path of ['/api/onboarding/complete', '/api/onboarding/complete-app']) {
      const form = await page.request.post(path, { form: { strategy: 'response' }, maxRedirects: 0 })
      expect([path, form.status(), (await form.json()).error]).toEqual([path, 415, expect.stringContaining('application/json')])
      const text = await page.request.post(path, { data: '{}', headers: { 'Content-Type': 'text/plain' } })
      expect([path, text.status()]).toEqual([path, 415])
      const foreign = await page.request.post(path, { data: {}, headers: { Origin: 'http://evil.example' } })
      expect([path, foreign.status(), (await foreign.json()).error]).toEqual([path, 403, expect.stringContaining('http://evil.example')])
      const sibling = await page.request.post(path, { data: {}, headers: { Origin: server.base.replace('localhost', '127.0.0.1') } })
      expect([path, sibling.status()]).toEqual([path, 403])
      const malformed = await page.request.post(path, { data: '{"strategy":', headers: { 'Content-Type': 'application/json', Origin: server.base } })
      expect([path, malformed.status()]).toEqual([path, 400])
    }
    expect(await status(page, '/dashboard')).toMatchObject({ status: 307, location: expect.stringContaining('/onboarding') })
    // The browser's own fetch (Origin: this app) goes through.
    const own = await page.evaluate(async () => (await fetch('/api/onboarding/complete', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status)
    expect(own).toBe(200)
  })

  it('sign-in follows only this site’s paths as callbackUrl', async () => {
    const page = await newPage()
    await page.goto(`/signin?callbackUrl=${encodeURIComponent('/\\evil.example')}`)
    await page.getByTestId('signin-email').fill(`redirect-${Date.now()}@example.com`)
    await page.getByTestId('signin-submit').click()
    await page.waitForURL(/\/(onboarding|dashboard)/)
    expect(new URL(page.url()).origin).toBe(server.base)
  })
})
