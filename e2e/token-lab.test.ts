// The token lab in Chromium, against the production build, with every request to another host aborted.
import type { BrowserContext, Page } from 'playwright-core'
import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { hasBrowser } from './support/browser'
import { offlineContext, useServerAndBrowser } from './support/suite'
import { claimsOf, labState, openLab, tokenAfter, typeLineAfter } from './support/lab-page'

describe.skipIf(!hasBrowser)('token lab', () => {
  const env = useServerAndBrowser()
  let context: BrowserContext
  let blocked: string[]
  let page: Page

  beforeEach(async () => {
    ;({ context, blocked } = await offlineContext(env.browser, env.server.url))
    page = await context.newPage()
    await openLab(page, `${env.server.url}/lab`)
  })
  afterEach(async () => {
    // The lab must work offline: it may not even try to reach another host (Sandpack's bundler, fonts, CDNs).
    expect(blocked).toEqual([])
    await context.close()
  })

  test('signs in, runs the update and shows the token before and after, from the real engine', async () => {
    expect(await claimsOf(page, 'token-before')).toMatchObject({ sub: 'user-0042', onboardingStep: 'INITIAL' })
    expect(await claimsOf(page, 'token-after')).toMatchObject({ sub: 'user-0042', onboardingStep: 'COMPLETED' })
    await expect.poll(() => page.getByTestId('token-diff').locator('[data-change="changed"]').count()).toBeGreaterThan(0)
    expect(await page.getByTestId('cookie-summary').textContent()).toContain('authjs.session-token')
    expect(JSON.parse((await page.getByTestId('lab-session').textContent()) ?? 'null')).toMatchObject({
      user: { id: 'user-0042', onboardingStep: 'COMPLETED' },
    })
  })

  test('the response preset: the mutation re-issues the session, and the log shows no browser request after it', async () => {
    await page.getByTestId('lab-preset-response').click()
    await expect.poll(() => page.getByTestId('lab-preset-response').getAttribute('aria-pressed')).toBe('true')
    // The previous preset's token-after also says COMPLETED: wait for this preset's own run (its log line) first.
    await expect.poll(() => page.locator('.cm-content').first().textContent(), { timeout: 5_000 }).toContain('unstable_update')
    const log = page.getByText('by the server, inside the mutation: no browser request')
    await expect.poll(() => log.count(), { timeout: 10_000 }).toBe(1)
    expect(await claimsOf(page, 'token-after')).toMatchObject({ sub: 'user-0042', onboardingStep: 'COMPLETED' })
  })

  test('a claim typed into the jwt callback shows up in token-after, until Reset', async () => {
    await typeLineAfter(page, 'token.onboardingStep = user.onboardingStep', "token.plan = 'pro'")
    await expect.poll(() => claimsOf(page, 'token-after'), { timeout: 5_000 }).toMatchObject({ plan: 'pro' })
    expect(await labState(page)).toBe('done')
    await page.getByTestId('lab-reset').click()
    // Back to the preset's token: present (a null token-after must not pass as "no plan") and without the claim.
    await expect.poll(() => claimsOf(page, 'token-after'), { timeout: 5_000 }).toSatisfy((claims) => claims !== null && !('plan' in claims))
    expect(await claimsOf(page, 'token-after')).toMatchObject({ sub: 'user-0042', onboardingStep: 'COMPLETED' })
    expect(await page.locator('.cm-content').textContent()).not.toContain("token.plan = 'pro'")
  })

  test('a syntax error is shown with file and line, and the previous result stays', async () => {
    const previous = await tokenAfter(page).textContent()
    // Pasted, so no valid half-typed line runs (each run mints a new token, with a new jti) before the error.
    await typeLineAfter(page, 'token.onboardingStep = user.onboardingStep', 'token.broken = = 1', { paste: true })
    const error = page.getByTestId('lab-error')
    await expect.poll(() => error.textContent().catch(() => ''), { timeout: 5_000 }).toMatch(/auth\.ts:21:\d+ SyntaxError/)
    expect(await labState(page)).toBe('failed')
    expect(await tokenAfter(page).textContent()).toBe(previous)
  })

  test('an endless loop is stopped, a fresh worker takes over, and fixed code runs again', async () => {
    const previous = await tokenAfter(page).textContent()
    await typeLineAfter(page, 'token.onboardingStep = user.onboardingStep', 'while (true) {}', { paste: true })
    await expect.poll(() => labState(page), { timeout: 6_000 }).toBe('stopped')
    expect(await page.getByTestId('lab-error').textContent()).toContain('did not finish in 2 s')
    expect(await tokenAfter(page).textContent()).toBe(previous)
    // The page never froze: the editor still takes keys. Turn the loop into a claim and the lab answers again.
    await page.keyboard.press('Home')
    await page.keyboard.press('Shift+End')
    await page.keyboard.type("token.after = 'loop'")
    await expect.poll(() => claimsOf(page, 'token-after'), { timeout: 5_000 }).toMatchObject({ after: 'loop' })
  })

  test('the attacker gets in through the naive preset and not through the hardened one', async () => {
    const attack = page.getByTestId('lab-attack')
    expect(await attack.getAttribute('data-verdict')).toBe('let-in')
    expect(await attack.textContent()).toContain('admin-0001')
    await page.getByTestId('lab-preset-ticket').click()
    await expect.poll(() => attack.getAttribute('data-verdict'), { timeout: 5_000 }).toBe('refused')
    expect(await attack.textContent()).toContain('No current session')
    // The hardened update itself still works: the ticket provider read the session cookie through the shim.
    expect(await claimsOf(page, 'token-after')).toMatchObject({ onboardingStep: 'COMPLETED', ver: 2 })
  })

  test('a claim added by an edit shows in what the edit changed, against the unedited preset', async () => {
    await typeLineAfter(page, 'token.onboardingStep = user.onboardingStep', "token.plan = 'pro'", { paste: true })
    const added = page.getByTestId('edit-diff').locator('tr[data-change="added"]', { hasText: 'plan' })
    await expect.poll(() => added.count(), { timeout: 5_000 }).toBe(1)
    expect(await added.textContent()).toContain('"pro"')
  })
})
