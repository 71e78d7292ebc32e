// The whole contract in Chromium against `npm start`: on PGlite, and again on a fresh PostgreSQL database when
// TEST_DATABASE_URL is set (required under CI=true).
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appContext, launch } from '../support/browser'
import { type AppServer, buildIfNeeded, freshPostgres, startApp } from '../support/server'

const PASSWORD = 'correct horse battery staple'
// A short cookie cache for the run, so the revocation window is seconds long; the default (60 s) is in src/env.js.
const CACHE_SECONDS = 4
const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL

it.runIf(process.env.CI === 'true' && !TEST_DATABASE_URL)('CI sets TEST_DATABASE_URL (PostgreSQL runs are not optional there)', () => {
  expect(TEST_DATABASE_URL, 'CI=true needs TEST_DATABASE_URL: a PostgreSQL server where the test may CREATE DATABASE').toBeTruthy()
})

const databases = ['pglite', ...(TEST_DATABASE_URL ? ['postgres'] : [])] as const

describe.each(databases)('on %s', (database) => {
  let server: AppServer
  let browser: Browser
  let dropDatabase: (() => Promise<void>) | undefined
  const contexts: BrowserContext[] = []

  beforeAll(async () => {
    buildIfNeeded()
    const settings: Record<string, string> = { SESSION_CACHE_MAX_AGE: String(CACHE_SECONDS) }
    if (database === 'postgres') {
      const fresh = await freshPostgres(TEST_DATABASE_URL!)
      settings.DATABASE_URL = fresh.url
      dropDatabase = fresh.drop
    }
    ;[server, browser] = await Promise.all([startApp(settings), launch()])
  })
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => {})
    await browser?.close()
    await server?.stop()
    await dropDatabase?.()
  })

  async function page(): Promise<Page> {
    const context = await appContext(browser, server.base)
    contexts.push(context)
    const p = await context.newPage()
    p.on('pageerror', (e) => console.error('page error:', e))
    return p
  }
  const get = async (p: Page, path: string) => {
    const res = await p.request.get(path, { maxRedirects: 0 })
    return { status: res.status(), location: res.headers().location ?? '' }
  }
  const newEmail = (label: string) => `${label}-${Date.now()}-${Math.random().toString(36).slice(2, 6)}@example.com`

  async function signUp(p: Page, email: string) {
    await p.goto('/signin')
    await p.getByTestId('signup-email').fill(email)
    await p.getByTestId('signup-password').fill(PASSWORD)
    await p.getByTestId('signup-submit').click()
    await p.waitForURL(/\/onboarding(\?|$)/)
  }
  async function signIn(p: Page, email: string) {
    await p.goto('/signin')
    await p.getByTestId('signin-email').fill(email)
    await p.getByTestId('signin-password').fill(PASSWORD)
    await p.getByTestId('signin-submit').click()
    await p.waitForURL(/\/(onboarding|dashboard)(\?|$)/)
  }
  /** The step inside a compact cookie cache value (base64url JSON, HMAC-signed: readable, not forgeable). */
  const stepInCache = (setCookie: string | null) => {
    const value = /better-auth\.session_data=([^;]+)/.exec(setCookie ?? '')?.[1]
    return value ? JSON.parse(Buffer.from(decodeURIComponent(value), 'base64url').toString()).session.user.onboardingStep : undefined
  }
  const cacheCookie = async (p: Page) => (await p.context().cookies()).find((c) => /session_data$/.test(c.name))

  it('signed out: /dashboard goes to /signin; public files and the API are not redirected', async () => {
    const p = await page()
    expect(await get(p, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/\/signin\?callbackUrl=%2Fdashboard/) })
    expect(await get(p, '/onboarding')).toMatchObject({ status: 307, location: expect.stringMatching(/\/signin/) })
    expect((await get(p, '/favicon.ico')).status).toBe(200)
    expect((await get(p, '/logo.png')).status).toBe(200)
    const api = await p.request.post('/api/onboarding/complete', { data: {}, maxRedirects: 0 })
    expect(api.status()).toBe(401)
    expect(await api.json()).toMatchObject({ error: expect.any(String) })
  })

  for (const strategy of ['response', 'action'] as const) {
    it(`${strategy}: sign up, gate, complete, dashboard without a new sign-in; sign out and in again: still COMPLETED`, async () => {
      const p = await page()
      const email = newEmail(strategy)
      await signUp(p, email)
      expect(await p.getByTestId('onboarding-step').textContent()).toBe('INITIAL')
      expect(await get(p, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/\/onboarding$/) })

      await p.getByTestId(`strategy-${strategy}`).check()
      const mutation = p.waitForResponse((r) => r.request().method() === 'POST' && /\/(api\/onboarding\/complete|onboarding)$/.test(new URL(r.url()).pathname))
      await p.getByTestId('onboarding-submit').click()
      const res = await mutation
      expect(res.status()).toBeLessThan(400)
      // The mutation's own response re-issues the cookie cache with the new step.
      expect(stepInCache(await res.headerValue('set-cookie'))).toBe('COMPLETED')
      await p.waitForURL(/\/dashboard$/)
      expect(await p.getByTestId('dashboard-step').textContent()).toBe('COMPLETED')
      expect((await get(p, '/dashboard')).status).toBe(200)

      await p.getByTestId('sign-out').click()
      await p.waitForURL(/\/signin/)
      expect((await get(p, '/dashboard')).status).toBe(307)
      await signIn(p, email)
      expect(new URL(p.url()).pathname).toBe('/dashboard')
      expect(await p.getByTestId('dashboard-step').textContent()).toBe('COMPLETED')
    })
  }

  it('the one-request update: the next request after the mutation is the gated page, and it passes', async () => {
    const p = await page()
    await signUp(p, newEmail('one-request'))
    const res = await p.request.post('/api/onboarding/complete', { data: { strategy: 'response' }, maxRedirects: 0 })
    expect(res.status()).toBe(200)
    expect(await res.json()).toEqual({ user: { email: expect.any(String), onboardingStep: 'COMPLETED' } })
    expect(stepInCache(res.headers()['set-cookie'])).toBe('COMPLETED')
    expect((await get(p, '/dashboard')).status).toBe(200)
  })

  it('the client cannot set its step: update-user answers 400 FIELD_NOT_ALLOWED, sign-up ignores it', async () => {
    const p = await page()
    await signUp(p, newEmail('forger'))
    const update = await p.request.post('/api/auth/update-user', { data: { onboardingStep: 'COMPLETED' }, headers: { origin: server.base } })
    expect(update.status()).toBe(400)
    expect(await update.json()).toMatchObject({ code: 'FIELD_NOT_ALLOWED' })
    // With a field it may change alongside: still refused as a whole.
    expect((await p.request.post('/api/auth/update-user', { data: { name: 'x', onboardingStep: 'COMPLETED' }, headers: { origin: server.base } })).status()).toBe(400)
    expect(await get(p, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/\/onboarding$/) })

    const q = await page()
    const signUpForged = await q.request.post('/api/auth/sign-up/email', {
      data: { email: newEmail('forged-signup'), password: PASSWORD, name: 'f', onboardingStep: 'COMPLETED' },
      headers: { origin: server.base },
    })
    expect(signUpForged.status()).toBe(200)
    expect((await signUpForged.json()).user).toMatchObject({ onboardingStep: 'INITIAL' })
    expect(await get(q, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/\/onboarding$/) })
  })

  it('the onboarding API takes same-origin JSON only: 415, 403, 400, each with a message', async () => {
    const p = await page()
    await signUp(p, newEmail('api-refusals'))
    const post = (options: Parameters<Page['request']['post']>[1]) => p.request.post('/api/onboarding/complete', { maxRedirects: 0, ...options })
    const form = await post({ form: { strategy: 'response' } })
    expect(form.status()).toBe(415)
    const other = await post({ data: {}, headers: { origin: 'http://localhost:1' } })
    expect(other.status()).toBe(403)
    const crossSite = await post({ data: {}, headers: { 'sec-fetch-site': 'cross-site' } })
    expect(crossSite.status()).toBe(403)
    const claim = await post({ data: { onboardingStep: 'COMPLETED' } })
    expect(claim.status()).toBe(400)
    const notJson = await post({ data: '{', headers: { 'content-type': 'application/json' } })
    expect(notJson.status()).toBe(400)
    for (const res of [form, other, crossSite, claim, notJson]) expect((await res.json()).error).toEqual(expect.any(String))
    // None of them wrote anything.
    expect(await get(p, '/dashboard')).toMatchObject({ status: 307, location: expect.stringMatching(/\/onboarding$/) })
  })

  // A request that read the session before the step changed and answered after the mutation puts the old cache
  // back in the browser. The gate trusts the cache only to let a user through, so it asks the database instead.
  it('a stale cache written after the mutation cannot hold the user back (the race guard)', async () => {
    const p = await page()
    await signUp(p, newEmail('race'))
    const stale = await cacheCookie(p)
    expect(stale?.value).toBeTruthy()
    expect((await p.request.post('/api/onboarding/complete', { data: {} })).status()).toBe(200)
    await p.context().addCookies([stale!])
    expect((await cacheCookie(p))?.value).toBe(stale!.value)
    expect((await get(p, '/dashboard')).status).toBe(200)
    // And the gate's answer replaced the stale cache with a fresh one.
    expect((await cacheCookie(p))?.value).not.toBe(stale!.value)
    await p.goto('/dashboard')
    expect(await p.getByTestId('dashboard-step').textContent()).toBe('COMPLETED')
  })

  it(`sign out everywhere: another browser keeps its cached session at most SESSION_CACHE_MAX_AGE (${CACHE_SECONDS} s here), then the gate sends it to /signin`, async () => {
    const email = newEmail('everywhere')
    const a = await page()
    await signUp(a, email)
    expect((await a.request.post('/api/onboarding/complete', { data: {} })).status()).toBe(200)
    const b = await page()
    await signIn(b, email)
    expect((await get(b, '/dashboard')).status).toBe(200)

    await a.goto('/dashboard')
    await a.getByTestId('sign-out-everywhere').click()
    await expect.poll(() => a.getByTestId('sign-out-everywhere-done').textContent()).toMatch(/revoked/)
    const revokedAt = Date.now()
    // Within the window, B's signed cache still answers (no database read): the cost of the cache, stated in the README.
    expect((await get(b, '/dashboard')).status).toBe(200)
    // Once the cache has expired the gate asks the database, where B's session row is gone.
    await expect
      .poll(async () => (await get(b, '/dashboard')).status, { timeout: (CACHE_SECONDS + 3) * 1000, interval: 500 })
      .toBe(307)
    expect(Date.now() - revokedAt).toBeLessThan((CACHE_SECONDS + 2) * 1000)
    expect((await get(b, '/dashboard')).location).toMatch(/\/signin/)
    // A, the browser that asked, is still signed in.
    expect((await get(a, '/dashboard')).status).toBe(200)
  })

  it('a cold cache falls back to the database: a revoked session with no cache cookie is refused at once', async () => {
    const email = newEmail('cold')
    const a = await page()
    await signUp(a, email)
    const b = await page()
    await signIn(b, email)
    await a.goto('/onboarding')
    expect((await a.request.post('/api/auth/revoke-other-sessions', { data: {}, headers: { origin: server.base } })).status()).toBe(200)
    const cache = await cacheCookie(b)
    await b.context().clearCookies({ name: cache!.name })
    expect(await get(b, '/onboarding')).toMatchObject({ status: 307, location: expect.stringMatching(/\/signin/) })
  })
})
