// "Someone else changes you" live on /demo/elsewhere: the row changes behind the session's back, and the gate
// notices as the chosen policy says. N (STALE_RECHECK_SECONDS) is small here so the test waits seconds.
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startServer, type TestServer } from '../tests/support/server'
import { hasBrowser, launch, localContext } from './support/browser'

const N = 3
let server: TestServer
let browser: Browser

beforeAll(async () => {
  if (!hasBrowser) return
  ;[server, browser] = await Promise.all([startServer({ env: { STALE_RECHECK_SECONDS: String(N) } }), launch()])
})
afterAll(async () => {
  await browser?.close()
  await server?.stop({ clean: true })
})

/** A guest through onboarding (built-in update()) and onto the panel, with console errors collected. */
async function guestOnPanel(name: string) {
  const context = await localContext(browser, server.url)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  await page.goto('/demo/elsewhere')
  await page.getByLabel('Display name').fill(name)
  await page.getByRole('button', { name: 'Continue as a guest' }).click()
  await page.waitForURL(/\/demo\/onboarding/)
  await page.getByRole('radio', { name: /Built-in update\(\)/ }).check()
  await page.getByRole('button', { name: 'Complete onboarding' }).click()
  await page.waitForURL(/\/demo\/elsewhere$/)
  await panelLive(page)
  return { context, page, errors }
}

const panelLive = (page: Page) => page.locator('[data-testid="stale-panel"][data-state="live"]').waitFor()
const cell = (page: Page, id: string) => page.getByTestId(id).textContent()

async function choose(page: Page, policy: 'none' | 'throttled' | 'epoch') {
  await page.locator(`input[name="stale-policy"][value="${policy}"]`).click()
  await page.getByTestId('stale-log').filter({ hasText: `Policy: ${policy}` }).waitFor()
}

async function throughGate(page: Page) {
  const before = await page.getByTestId('stale-log').locator('li').count()
  await page.getByRole('button', { name: 'Next request through the gate' }).click()
  await expect.poll(() => page.getByTestId('stale-log').locator('li').count()).toBeGreaterThan(before)
}

describe.skipIf(!hasBrowser)('someone else changes you (Chromium)', () => {
  it(`throttled at N = ${N} s: the stale token shows beside the row, and the gate reflects the change within N s plus one request`, async () => {
    const { page, context, errors } = await guestOnPanel('Ada')
    await choose(page, 'throttled')
    await page.getByRole('button', { name: 'Make me editor' }).click()
    const changed = Date.now()
    await page.locator('tr[data-field="role"][data-stale="true"]').waitFor()
    expect(await cell(page, 'row-role')).toBe('editor')
    expect(await cell(page, 'token-role')).toBe('reader')

    // N seconds after the change, one request through the gate must bring the row's role into the cookie.
    await page.waitForTimeout(Math.max(0, changed + N * 1000 - Date.now()))
    await throughGate(page)
    expect(await cell(page, 'token-role')).toBe('editor')
    expect(await page.locator('tr[data-field="role"]').getAttribute('data-stale')).toBe('false')
    expect(await page.getByTestId('stale-log').textContent()).toContain('token refreshed from the row')

    // A suspension ends the session, not just a claim: the gate sends the user to sign in.
    await page.getByRole('button', { name: 'Suspend me' }).click()
    await page.locator('tr[data-field="suspended"]').filter({ hasText: 'true' }).waitFor()
    await page.waitForTimeout(N * 1000)
    await throughGate(page)
    await page.getByTestId('stale-ended').waitFor()
    await page.goto('/demo/explore')
    expect(new URL(page.url()).pathname).toBe('/demo')
    expect(errors).toEqual([])
    await context.close()
  })

  it('policy none: the same change never reaches the token, however many requests', async () => {
    const { page, context } = await guestOnPanel('Bea')
    await page.getByRole('button', { name: 'Make me editor' }).click()
    await page.locator('tr[data-field="role"][data-stale="true"]').waitFor()
    await page.waitForTimeout(N * 1000)
    for (let i = 0; i < 2; i++) await throughGate(page)
    expect(await cell(page, 'token-role')).toBe('reader')
    await context.close()
  })

  it('sign out everywhere ends another browser’s session on its next request', { timeout: 120_000 }, async () => {
    const laptop = await guestOnPanel('Cy')
    await choose(laptop.page, 'epoch')
    // Another browser holding the same session (the user's phone): a second context with the cookie.
    const phone: BrowserContext = await localContext(browser, server.url)
    await phone.addCookies((await laptop.context.cookies()).filter((c) => c.name.includes('session-token')))
    const phonePage = await phone.newPage()
    await phonePage.goto('/demo/elsewhere')
    await panelLive(phonePage)

    await laptop.page.getByRole('button', { name: 'Sign out everywhere' }).click()
    await laptop.page.waitForURL(/\/demo(\?|$)/)

    await throughGate(phonePage)
    await phonePage.getByTestId('stale-ended').waitFor()
    await phonePage.goto('/demo/elsewhere')
    expect(new URL(phonePage.url()).pathname).toBe('/demo')
    expect((await phone.cookies()).some((c) => c.name.includes('session-token'))).toBe(false)
    await Promise.all([phone.close(), laptop.context.close()])
  })
})
