// The token lab's own exercise as a newcomer does it (issue 25, item 4), at a desktop and a phone width: make the
// naive provider refuse, and the lab says so as a result with the attacker's verdict updated; an error names the
// file and line the reader edited, in readable words; edits survive a reload.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { hasBrowser } from './support/browser'
import { offlineContext, useServerAndBrowser } from './support/suite'
import type { Page } from 'playwright-core'
import { labState, typeLineAfter } from './support/lab-page'

const env = useServerAndBrowser()

const WIDTHS = [
  { name: '1280 px', viewport: { width: 1280, height: 900 } },
  { name: '375 px', viewport: { width: 375, height: 800 } },
]

const ANCHOR = 'async authorize(credentials) {'
// The line a line typed after ANCHOR lands on, in the preset's own auth.ts (1-based).
const INSERTED_AT = readFileSync('content/lab/naive/auth.ts', 'utf8').split('\n').findIndex((l) => l.includes(ANCHOR)) + 2

/** The lab loads when it comes near the viewport: on a phone it sits below the intro, so scroll to it first. */
async function openLab(page: Page, url: string) {
  await page.goto(url)
  await page.getByTestId('token-lab').scrollIntoViewIfNeeded()
  await page.getByTestId('lab-status').and(page.locator('[data-state="done"], [data-state="failed"]')).waitFor({ timeout: 30_000 })
}

describe.skipIf(!hasBrowser)('the token lab, as a newcomer does its exercise', () => {
  for (const { name, viewport } of WIDTHS) {
    describe(`at ${name}`, () => {
      it('a provider that refuses is a result: "Refused: no session minted", the attacker refused, no error', async () => {
        const { context } = await offlineContext(env.browser, env.server.url, { viewport })
        const page = await context.newPage()
        await openLab(page, '/lab')
        expect(await page.getByTestId('lab-attack').getAttribute('data-verdict')).toBe('let-in')
        await typeLineAfter(page, ANCHOR, 'if (true) return null', { paste: true })
        await expect.poll(() => page.getByTestId('lab-attack').getAttribute('data-verdict'), { timeout: 10_000 }).toBe('refused')
        expect(await labState(page)).toBe('done')
        expect(await page.getByTestId('lab-error').count()).toBe(0)
        expect(await page.getByTestId('lab-refused').textContent()).toMatch(/^Refused: no session minted/)
        expect(await page.getByTestId('lab-attack').textContent()).toContain('Refused: no session minted')
        // The token after the update is the one from before: the refused sign-in changed nothing.
        const after = JSON.parse((await page.getByTestId('token-after').textContent()) ?? 'null')
        expect(after).toMatchObject({ onboardingStep: 'INITIAL' })
        await context.close()
      })

      it("an error names the reader's file and line, in words (no minified class names), and the edit survives a reload", async () => {
        const { context } = await offlineContext(env.browser, env.server.url, { viewport })
        const page = await context.newPage()
        await openLab(page, '/lab')
        await typeLineAfter(page, ANCHOR, "throw new Error('no sign-ins today')", { paste: true })
        const error = page.getByTestId('lab-error')
        await expect.poll(() => error.textContent().catch(() => ''), { timeout: 10_000 }).toContain('no sign-ins today')
        const text = (await error.textContent()) ?? ''
        expect(text).toContain(`auth.ts:${INSERTED_AT}:`)
        expect(text).not.toMatch(/\b[A-Za-z]: /) // a one-letter (minified) error name
        expect(text).not.toContain('Read more at')

        await openLab(page, '/lab')
        expect(await page.locator('.cm-content').first().textContent()).toContain("throw new Error('no sign-ins today')")
        // Reset forgets the saved edit, on this page and after the next reload.
        await page.getByTestId('lab-reset').click()
        await expect.poll(() => page.locator('.cm-content').first().textContent()).not.toContain('no sign-ins today')
        await page.reload()
        await openLab(page, '/lab')
        expect(await page.locator('.cm-content').first().textContent()).not.toContain('no sign-ins today')
        await context.close()
      })
    })
  }
})
