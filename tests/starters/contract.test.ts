// Every starter (starters/*/ with a package.json), as a reader gets it: the zip the site serves, unpacked into
// an empty folder, installed offline from the npm cache with its own lockfile, its own `npm test`, then built,
// started with `npm start` and driven in Chromium through the contract in starters/CONTRACT.md, and nothing else.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { STARTERS_DIR, starterNames } from '../../scripts/starters/zip.mjs'
import { hasBrowser, launch, localContext } from '../../e2e/support/browser'
import { preparedStarter, sh, signIn, startStarter } from './support/starter'

const timings: Record<string, Record<string, number>> = {}

/** CONTRACT.md "Common and next-auth only": the next-auth part applies to a starter that depends on next-auth. */
function usesNextAuth(name: string): boolean {
  const pkg = JSON.parse(readFileSync(join(STARTERS_DIR, name, 'package.json'), 'utf8'))
  return 'next-auth' in (pkg.dependencies ?? {})
}

const starters = starterNames()

describe.each(starters)('starter %s', (name) => {
  let dir: string
  let server: Awaited<ReturnType<typeof startStarter>>
  let browser: Browser
  const t: Record<string, number> = (timings[name] = {})
  const nextAuth = usesNextAuth(name)

  beforeAll(async () => {
    // Unzipped, installed and built once per run, shared with tests/starters/production.test.ts.
    ;({ dir, install: t.install, build: t.build } = preparedStarter(name))
    t.ownTests = sh(dir, 'npm', ['test'], { CI: 'true' })
    ;[server, browser] = await Promise.all([startStarter(dir), launch()])
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
    console.log(`starter ${name}: install ${t.install}s, build ${t.build}s (0: shared with another suite), npm test ${t.ownTests}s`)
    mkdirSync('test-results', { recursive: true })
    writeFileSync('test-results/starters-timings.json', JSON.stringify(timings, null, 2))
  })

  async function page(): Promise<Page> {
    const context = await localContext(browser, server.base)
    const p = await context.newPage()
    p.on('pageerror', (e) => console.error(`${name} page error:`, e))
    return p
  }
  const get = async (p: Page, path: string) => {
    const res = await p.request.get(path, { maxRedirects: 0 })
    return { status: res.status(), location: res.headers().location ?? '' }
  }

  it('signed out: /dashboard goes to sign-in; /favicon.ico, /logo.png and the API are not redirected', async () => {
    const p = await page()
    expect(await get(p, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/\/signin/) })
    expect((await get(p, '/favicon.ico')).status).toBe(200)
    expect((await get(p, '/logo.png')).status).toBe(200)
    const api = await p.request.post('/api/onboarding/complete', { data: {}, maxRedirects: 0 })
    expect(api.status()).toBe(401)
  })

  // response: every starter; update and ticket: next-auth's; action (a server action): where the page offers it.
  for (const strategy of ['update', 'ticket', 'response', 'action'] as const) {
    it.runIf(strategy === 'response' || strategy === 'action' || nextAuth)(`${strategy}: sign in, gate, complete, dashboard 200 without a new sign-in, sign out and in: COMPLETED`, async (ctx) => {
      const p = await page()
      const email = `${strategy}-${Date.now()}@example.com`
      await signIn(p, email)
      expect(new URL(p.url()).pathname).toBe('/onboarding')
      if (strategy === 'action' && (await p.getByTestId('strategy-action').count()) === 0) return ctx.skip()
      expect(await get(p, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/\/onboarding/) })
      expect((await get(p, '/logo.png')).status).toBe(200)

      await p.getByTestId(`strategy-${strategy}`).check()
      const mutation = p.waitForResponse((r) =>
        strategy === 'action' ? r.request().method() === 'POST' && 'next-action' in r.request().headers() : new URL(r.url()).pathname === '/api/onboarding/complete',
      )
      await p.getByTestId('onboarding-submit').click()
      const res = await mutation
      expect(res.status()).toBeLessThan(strategy === 'action' ? 400 : 300)
      // The library's session cookie: next-auth's session token, Better Auth's cookie cache.
      if (strategy === 'response') expect(await res.headerValue('set-cookie')).toMatch(/(session-token|session_data)=[^;]+/)
      await p.waitForURL(/\/dashboard(\?|$)/)
      await expect.poll(() => p.getByTestId('dashboard-step').textContent()).toBe('COMPLETED')
      expect((await get(p, '/dashboard')).status).toBe(200)

      await p.getByTestId('sign-out').click()
      await p.waitForURL(/\/signin/)
      expect((await get(p, '/dashboard')).status).toBe(307)
      await signIn(p, email, { returning: true })
      expect((await get(p, '/dashboard')).status).toBe(200)
    })
  }

  it('the one-request update: the mutation response alone carries the new session', async () => {
    const p = await page()
    await signIn(p, `one-request-${Date.now()}@example.com`)
    const res = await p.request.post('/api/onboarding/complete', { data: { strategy: 'response' }, maxRedirects: 0 })
    expect(res.status()).toBeLessThan(300)
    expect(await res.json()).toMatchObject(nextAuth ? { user: expect.anything(), ticket: expect.any(String) } : { user: expect.anything() })
    // The very next request is the gated page: no auth request in between.
    expect((await get(p, '/dashboard')).status).toBe(200)
  })

  // next-auth's part: update(), the ticket and its provider.
  it.runIf(nextAuth)('update() with a forged role and onboardingStep changes nothing', async () => {
    const p = await page()
    await signIn(p, `forger-${Date.now()}@example.com`)
    const session = await p.evaluate(async () => {
      const { csrfToken } = await (await fetch('/api/auth/csrf')).json()
      const res = await fetch('/api/auth/session', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ csrfToken, data: { role: 'admin', onboardingStep: 'COMPLETED', user: { role: 'admin', onboardingStep: 'COMPLETED' } } }),
      })
      return res.json()
    })
    expect(session?.user).toMatchObject({ role: 'user', onboardingStep: 'INITIAL' })
    expect((await get(p, '/dashboard')).status).toBe(307)
  })

  // The ticket names the session it was issued to (`sid`, minted at each real sign-in): a ticket that leaks from
  // one session must not update another session of the same user, even though its `sub` matches and its `ver`
  // is newer than that session's.
  it.runIf(nextAuth)('a ticket is bound to its session: another session of the same user cannot use it, its own session can', async () => {
    const email = `two-sessions-${Date.now()}@example.com`
    const [a, b] = [await page(), await page()]
    await signIn(a, email)
    await signIn(b, email, { returning: true })
    const mutation = await a.request.post('/api/onboarding/complete', { data: {}, maxRedirects: 0 })
    expect(mutation.status()).toBeLessThan(300)
    const { ticket } = await mutation.json()
    const applyTicket = async (p: Page) => {
      const { csrfToken } = await (await p.request.get('/api/auth/csrf')).json()
      await p.request.post('/api/auth/callback/session-update', { form: { csrfToken, ticket, callbackUrl: '/dashboard' }, maxRedirects: 0 })
      return (await p.request.get('/api/auth/session')).json()
    }
    // The row is COMPLETED now, and B's token is not: B's gate must stay closed after trying A's ticket.
    expect((await applyTicket(b))?.user).toMatchObject({ email, onboardingStep: 'INITIAL' })
    expect(await get(b, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/\/onboarding/) })
    // The same ticket in the session it was issued to: applied.
    expect((await applyTicket(a))?.user).toMatchObject({ email, onboardingStep: 'COMPLETED' })
    expect((await get(a, '/dashboard')).status).toBe(200)
  })

  it.runIf(nextAuth)('a refused ticket leaves the page on /onboarding with the error shown', async () => {
    const p = await page()
    await signIn(p, `refused-${Date.now()}@example.com`)
    await p.route('**/api/onboarding/complete', async (route) => {
      const res = await route.fetch()
      const body = await res.json()
      const [h, pl, s] = String(body.ticket).split('.')
      await route.fulfill({ response: res, json: { ...body, ticket: `${h}.${pl}.${s.slice(0, -4)}${s.endsWith('AAAA') ? 'BBBB' : 'AAAA'}` } })
    })
    await p.getByTestId('strategy-ticket').check()
    await p.getByTestId('onboarding-submit').click()
    await expect.poll(() => p.getByTestId('onboarding-error').isVisible()).toBe(true)
    expect((await p.getByTestId('onboarding-error').textContent())?.trim()).not.toBe('')
    expect(new URL(p.url()).pathname).toBe('/onboarding')
    await expect.poll(() => p.getByTestId('onboarding-step').textContent()).toBe('INITIAL')
  })
})

it.runIf(starters.length === 0 || !hasBrowser)('has starters and a browser', () => {
  expect(starters.length).toBeGreaterThan(0)
  expect(hasBrowser).toBe(true)
})
