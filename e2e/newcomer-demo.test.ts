// The live demo as a newcomer uses it (issue 25, items 5 and 6), at a desktop and a phone width: every display
// follows the token this browser holds, a refusal stays on screen with the panel unchanged, the empty name is
// caught by the form, and the report writes HTTP methods as HTTP does.
import { describe, expect, it } from 'vitest'
import type { Page } from 'playwright-core'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'

const N = 2
const env = useServerAndBrowser({ STALE_RECHECK_SECONDS: String(N) })

const WIDTHS = [
  { name: '1280 px', viewport: { width: 1280, height: 900 } },
  { name: '375 px', viewport: { width: 375, height: 800 } },
]

async function guestThrough(page: Page, name: string, strategy: RegExp, to: string) {
  await page.goto(to)
  await page.getByLabel('Display name').fill(name)
  await page.getByRole('button', { name: 'Continue as a guest' }).click()
  await page.waitForURL(/\/demo\/onboarding/)
  await page.getByRole('radio', { name: strategy }).check()
  await page.getByRole('button', { name: 'Complete onboarding' }).click()
  await page.waitForURL((url) => url.pathname === to)
}

async function throughGate(page: Page) {
  const before = await page.getByTestId('stale-log').locator('li').count()
  await page.getByRole('button', { name: 'Next request through the gate' }).click()
  await expect.poll(() => page.getByTestId('stale-log').locator('li').count()).toBeGreaterThan(before)
}

const bar = (page: Page) => page.getByTestId('session-bar')

describe.skipIf(!hasBrowser)('the demo, as a newcomer uses it', () => {
  for (const { name, viewport } of WIDTHS) {
    describe(`at ${name}`, () => {
      it('an empty display name is caught by the form, with no request to the server', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        const signIns: string[] = []
        page.on('request', (r) => r.url().includes('/api/auth/callback/demo') && signIns.push(r.url()))
        await page.goto('/demo')
        await page.getByLabel('Display name').fill('   ')
        await page.getByRole('button', { name: 'Continue as a guest' }).click()
        const alert = page.getByRole('form', { name: 'Continue as a guest' }).locator('..').getByRole('alert')
        await alert.waitFor()
        expect(await alert.textContent()).toBe('Enter a display name.')
        expect(signIns).toEqual([])
        await ctx.close()
      })

      it('the session bar follows the token: the re-read role, then the ended session', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await guestThrough(page, 'Bar', /Built-in update/, '/demo/elsewhere')
        await page.locator('[data-testid="stale-panel"][data-state="live"]').waitFor()
        await page.locator('input[name="stale-policy"][value="throttled"]').click()
        await page.getByTestId('stale-log').filter({ hasText: 'Policy: throttled' }).waitFor()
        await page.getByRole('button', { name: 'Make me editor' }).click()
        await page.locator('tr[data-field="role"][data-stale="true"]').waitFor()
        await page.waitForTimeout(N * 1000 + 200)
        await throughGate(page)
        expect(await page.getByTestId('token-role').textContent()).toBe('editor')
        expect(await bar(page).textContent()).toContain('role: editor')

        await page.getByRole('button', { name: 'Suspend me' }).click()
        await page.locator('tr[data-field="suspended"]').filter({ hasText: 'true' }).waitFor()
        await page.waitForTimeout(N * 1000 + 200)
        await throughGate(page)
        await page.getByTestId('stale-ended').waitFor()
        expect(await bar(page).getAttribute('data-state')).toBe('ended')
        expect(await bar(page).textContent()).not.toContain('Signed in as')
        expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0)
        await ctx.close()
      })

      it('a refused policy switch leaves the policy as it was and its reason on screen, through the next refused action', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        await guestThrough(page, 'Demoted', /Built-in update/, '/demo/elsewhere')
        await page.locator('[data-testid="stale-panel"][data-state="live"]').waitFor()
        // A promotion, then a demotion: the demotion moves the row's epoch, so this session is revoked.
        await page.getByRole('button', { name: 'Make me editor' }).click()
        await page.getByRole('button', { name: 'Make me reader' }).waitFor()
        await page.getByRole('button', { name: 'Make me reader' }).click()
        await page.getByRole('button', { name: 'Make me editor' }).waitFor()
        const checked = () => page.locator('input[name="stale-policy"]:checked').getAttribute('value')
        expect(await checked()).toBe('none')
        const alert = page.getByTestId('stale-panel').getByRole('alert')
        await page.locator('input[name="stale-policy"][value="throttled"]').click()
        await alert.waitFor()
        expect(await alert.textContent()).toMatch(/This session has been ended/)
        expect(await checked()).toBe('none')
        // Another refused click: the reason stays, the policy too.
        await page.locator('input[name="stale-policy"][value="epoch"]').click()
        await page.waitForTimeout(500)
        // Still refused: the first refusal signed this browser out, so the server now says to sign in.
        expect(await alert.textContent()).toMatch(/This session has been ended|Sign in first/)
        expect(await checked()).toBe('none')
        // The demotion ended this session (demo/session-access.ts: a revoked session writes nothing, and its first
        // refused write signs it out), so no later action from it can succeed: the next one is refused too, and
        // the panel keeps the policy and a reason on screen instead of clearing it.
        await page.getByRole('button', { name: 'Make me editor' }).click()
        await page.waitForTimeout(500)
        expect(await alert.count()).toBe(1)
        expect(await alert.textContent()).toMatch(/session has (been )?ended|[Ss]ign in/)
        expect(await checked()).toBe('none')
        await ctx.close()
      })

      it('the update report writes methods as HTTP does (POST, not post)', async () => {
        const ctx = await localContext(env.browser, env.server.url, { viewport })
        const page = await ctx.newPage()
        // The ticket's sign-in: next-auth/react's signIn() passes fetch the method in lower case.
        await guestThrough(page, 'Methods', /Hardened pass-through/, '/demo/explore')
        const report = page.getByTestId('update-report')
        await report.waitFor()
        const labels = await report.locator('svg g[data-phase] text').allTextContents()
        // A long label wraps onto lines (tspans), whose text runs together: "POST/api/…".
        const requests = labels.filter((l) => /^\w+ ?\//.test(l))
        expect(requests.length).toBeGreaterThan(0)
        for (const label of requests) expect(label).toMatch(/^(GET|POST) ?\//)
        await ctx.close()
      })
    })
  }
})
