// A guest, in a real browser, through the gate with each strategy, and the attack lab.
import { describe, expect, it } from 'vitest'
import { hasBrowser, localContext } from './support/browser'
import { STRATEGIES, json, newGuestPage, submitOnboarding } from './support/demo-page'
import { useServerAndBrowser } from './support/suite'

const env = useServerAndBrowser()
const guest = async (name: string) => newGuestPage(await localContext(env.browser, env.server.url), name)

describe.skipIf(!hasBrowser)('live demo in Chromium', () => {
  for (const strategy of STRATEGIES) {
    it(`completes onboarding with "${strategy.label}" and reaches explore with no new sign-in`, async () => {
      const { page, signIns } = await guest('Ada')
      await submitOnboarding(page, strategy.label)
      await page.waitForURL(/\/demo\/explore$/)
      await page.getByTestId('explore-welcome').waitFor()

      expect(signIns).toHaveLength(1)
      expect(await page.getByTestId('cost-requests').textContent()).toBe(String(strategy.requests))
      expect(await page.getByTestId('cost-db-reads').textContent()).toBe(String(strategy.dbReads))
      const before = await json(page, 'token-before')
      const after = await json(page, 'token-after')
      expect(before).toMatchObject({ onboardingStep: 'INITIAL', mintedBy: 'demo', name: 'Ada' })
      expect(after).toMatchObject({ onboardingStep: 'COMPLETED', mintedBy: strategy.mintedBy })
      const changed = page.getByTestId('token-diff').locator('tr[data-change="changed"]', { hasText: 'onboardingStep' })
      await expect.poll(() => changed.count()).toBe(1)
      expect(await page.getByTestId('cookie-summary').textContent()).toMatch(/\d+ bytes in 1 chunk/)
      expect(await page.getByTestId('naive-banner').count()).toBe(strategy.mintedBy === 'session-update-naive' ? 1 : 0)
      expect(await page.getByTestId('cost-refetch').count()).toBe(strategy.requests === 1 ? 1 : 0)

      if (strategy.mintedBy === 'session-update-naive') {
        // Reset acts on real sessions only: the page says so and offers the reader's own session back.
        await page.getByTestId('reset-naive').waitFor()
        await page.getByTestId('reset-naive').getByTestId('return-as-yourself').click()
        await page.getByTestId('session-bar').filter({ hasText: 'minted by: session-restore' }).waitFor()
        expect(await page.getByTestId('naive-banner').count()).toBe(0)
      }
      // Reset: the row goes back, the session follows, and the gate holds again.
      await page.getByRole('button', { name: 'Reset onboarding' }).click()
      await page.waitForURL(/\/demo\/onboarding$/)
      await page.getByTestId('session-step').filter({ hasText: 'INITIAL' }).waitFor()
      await page.goto('/demo/explore')
      expect(new URL(page.url()).pathname).toBe('/demo/onboarding')
      await page.context().close()
    })
  }

  it('attack lab: forged ticket refused, forged update() ignored, naive provider mints an admin', async () => {
    const { page } = await guest('Mallory')
    await page.getByRole('radio', { name: /Built-in update/ }).check()
    await page.getByRole('button', { name: 'Complete onboarding' }).click()
    await page.waitForURL(/\/demo\/explore$/)
    await page.goto('/demo/attack')

    const attack = async (id: string, title: RegExp) => {
      await page.getByRole('region', { name: title }).getByRole('button', { name: 'Try it' }).click()
      const result = page.getByTestId(`attack-${id}-result`)
      await result.waitFor()
      return result.getAttribute('data-verdict')
    }
    expect(await attack('ticket', /hardened provider/)).toBe('refused')
    expect(await page.getByTestId('attack-ticket-result').textContent()).toMatch(/HTTP 401: The ticket uses an algorithm that is not allowed/)
    expect(await attack('update', /built-in update/)).toBe('ignored')
    expect(await attack('response', /one-request update/)).toBe('refused')
    expect(await page.getByTestId('attack-response-result').textContent()).toMatch(/HTTP 400: Invalid body/)
    expect(await page.getByTestId('naive-banner').count()).toBe(0)
    expect(await attack('naive', /naive pass-through/)).toBe('succeeded')
    await page.getByTestId('naive-banner').waitFor()
    expect(await page.getByTestId('session-bar').textContent()).toContain('role: admin')
    expect(await page.locator('details pre').first().textContent()).toContain(env.server.url)
    // (c) after (a): it starts from the reader's own session, restored, and says what it proved.
    // The first run's result is still on the page: wait for the new one.
    await page.getByRole('region', { name: /built-in update/ }).getByRole('button', { name: 'Try it' }).click()
    await expect.poll(() => page.getByTestId('attack-update-result').textContent(), { timeout: 20_000 }).toMatch(/First, your own session was restored/)
    const proof = await page.getByTestId('attack-update-result').textContent()
    expect(await page.getByTestId('attack-update-result').getAttribute('data-verdict')).toBe('ignored')
    expect(proof).toMatch(/Your own session \(user [0-9a-f-]{36} with role reader\) sent id admin-0001 and role admin/)
    await expect.poll(() => page.getByTestId('naive-banner').count()).toBe(0)
    expect(await page.getByTestId('session-bar').textContent()).toContain('role: reader')
    await page.context().close()
  })

  it('a click right after hydration, on a slow phone (CPU 10× slower), still goes where the reader was going', async () => {
    // Statically optimised pages hydrate with an empty router.query: a click in that window once sent the reader
    // to /demo/explore instead of their ?callbackUrl= (seen at 4× in the stale-claims run under load).
    const context = await localContext(env.browser, env.server.url)
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 })
    const hydrated = () => page.waitForFunction(() => Boolean((window as { next?: { router?: unknown } }).next?.router))
    await page.goto('/demo/elsewhere', { waitUntil: 'commit' })
    await hydrated()
    await page.getByLabel('Display name').fill('Quick')
    await page.getByRole('button', { name: 'Continue as a guest' }).click()
    await page.waitForURL(/\/demo\/onboarding/, { waitUntil: 'commit' })
    expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/demo/elsewhere')
    await hydrated()
    await page.getByRole('button', { name: 'Complete onboarding' }).click()
    await page.waitForURL((url) => url.pathname !== '/demo/onboarding', { timeout: 60_000, waitUntil: 'commit' })
    expect(new URL(page.url()).pathname).toBe('/demo/elsewhere')
    // Closing a context whose page is still loading at 10× hangs: back to full speed first.
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 })
    await context.close()
  }, 120_000)

  describe('a refused strategy: the page stays, the refusal shows, the session is unchanged', () => {
    async function expectRefusal(page: import('playwright-core').Page, message: string) {
      // The form's own alert (Next's route announcer is an empty role=alert too).
      const alert = page.getByRole('form', { name: 'Complete onboarding' }).getByRole('alert')
      await alert.waitFor()
      expect(await alert.textContent()).toBe(message)
      expect(new URL(page.url()).pathname).toBe('/demo/onboarding')
      expect(await page.getByTestId('session-step').textContent()).toContain('INITIAL')
      expect(await page.getByRole('button', { name: 'Complete onboarding' }).isEnabled()).toBe(true)
    }

    it('the server refuses the ticket (401): its message is shown', async () => {
      const { page } = await guest('Refused')
      // The mutation answers as usual, but the page gets a ticket that is not one: the hardened provider refuses it.
      await page.route('**/api/demo/onboarding/complete', async (route) => {
        const answer = await route.fetch()
        await route.fulfill({ response: answer, json: { ...(await answer.json()), ticket: 'not.a.ticket' } })
      })
      await submitOnboarding(page, STRATEGIES[0].label)
      await expectRefusal(page, 'The ticket is malformed.')
      await page.context().close()
    })
  })
})
