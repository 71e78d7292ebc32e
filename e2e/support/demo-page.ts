// The live demo as a reader drives it: sign in as a guest through the gate, pick a strategy, complete onboarding.
// Shared by the demo flow over http and the https run.
import type { BrowserContext, Page } from 'playwright-core'
import { expect } from 'vitest'

export const STRATEGIES = [
  { label: 'Hardened pass-through (signed ticket)', requests: 4, dbReads: 0, mintedBy: 'session-update' },
  { label: 'Built-in update()', requests: 2, dbReads: 1, mintedBy: 'demo' },
  { label: 'Naive pass-through (VULNERABLE)', requests: 4, dbReads: 0, mintedBy: 'session-update-naive' },
  // The mutation is the update: its one request is counted; useSession()'s refetch is reported on its own line.
  { label: "In the mutation's response (one request)", requests: 1, dbReads: 0, mintedBy: 'demo' },
]

/** From a gated page to the onboarding page as a new guest; `signIns` collects the sign-in requests made after. */
export async function newGuestPage(context: BrowserContext, name: string) {
  const page = await context.newPage()
  const signIns: string[] = []
  page.on('request', (r) => {
    if (r.url().includes('/api/auth/callback/demo')) signIns.push(r.url())
  })
  await page.goto('/demo/explore')
  expect(new URL(page.url()).pathname).toBe('/demo')
  expect(new URL(page.url()).searchParams.get('callbackUrl')).toBe('/demo/explore')
  await page.getByLabel('Display name').fill(name)
  await page.getByRole('button', { name: 'Continue as a guest' }).click()
  await page.waitForURL(/\/demo\/onboarding\?callbackUrl=%2Fdemo%2Fexplore/)
  await page.getByTestId('session-step').filter({ hasText: 'INITIAL' }).waitFor()
  return { page, signIns }
}

/** Picks the goal and the strategy and submits; the caller waits for what should follow. */
export async function submitOnboarding(page: Page, strategyLabel: string, goal = 'ship') {
  await page.getByLabel('What brings you here?').selectOption(goal)
  await page.getByRole('radio', { name: new RegExp(strategyLabel.replace(/[()]/g, '\\$&')) }).check()
  await page.getByRole('button', { name: 'Complete onboarding' }).click()
}

export async function json(page: Page, testId: string) {
  return JSON.parse((await page.getByTestId(testId).textContent()) ?? 'null')
}
