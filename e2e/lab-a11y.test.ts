// The site checks run axe on /lab as it first paints; here the lab is loaded, edited into an error, in both themes.
import AxeBuilder from '@axe-core/playwright'
import { describe, expect, test } from 'vitest'
import { hasBrowser } from './support/browser'
import { openLab, typeLineAfter } from './support/lab-page'
import { offlineContext, useServerAndBrowser } from './support/suite'

describe.skipIf(!hasBrowser)('the loaded lab', () => {
  const env = useServerAndBrowser()

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`axe finds no serious or critical violation (${colorScheme})`, async () => {
      const { context } = await offlineContext(env.browser, env.server.url, { colorScheme })
      await context.addInitScript((theme) => localStorage.setItem('theme', theme), colorScheme)
      const page = await context.newPage()
      await openLab(page, `${env.server.url}/lab`)
      await page.locator('.cm-content').waitFor()
      await typeLineAfter(page, 'token.onboardingStep = user.onboardingStep', 'token.x = = 1', { paste: true })
      await page.getByTestId('lab-error').waitFor()
      const { violations } = await new AxeBuilder({ page }).include('[data-testid="token-lab"]').analyze()
      const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
      expect(serious.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([])
      await context.close()
    })
  }
})
