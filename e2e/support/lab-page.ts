// Driving the token lab in a page: shared by the browser tests and the latency benchmark.
import type { Page } from 'playwright-core'

export const tokenAfter = (page: Page) => page.getByTestId('token-after')
export const tokenBefore = (page: Page) => page.getByTestId('token-before')

export async function claimsOf(page: Page, testId: 'token-before' | 'token-after') {
  return JSON.parse((await page.getByTestId(testId).textContent()) ?? 'null') as Record<string, unknown> | null
}

/** Opens a page with a lab and waits for its first result. */
export async function openLab(page: Page, url: string) {
  await page.goto(url)
  await page.getByTestId('lab-status').and(page.locator('[data-state="done"]')).waitFor({ timeout: 30_000 })
}

/** Puts the cursor at the end of the first editor line containing `text` (the active file must show it). */
export async function cursorAfter(page: Page, text: string) {
  await page.locator('.cm-line', { hasText: text }).first().click()
  await page.keyboard.press('End')
}

/**
 * Types a new line after the line containing `anchor`, key by key as a reader would, or pasted at once
 * (`paste: true`) when no half-typed state may run in between.
 */
export async function typeLineAfter(page: Page, anchor: string, line: string, { paste = false } = {}) {
  await cursorAfter(page, anchor)
  await page.keyboard.press('Enter')
  await (paste ? page.keyboard.insertText(line) : page.keyboard.type(line))
}

export const labState = (page: Page) => page.getByTestId('lab-status').getAttribute('data-state')
