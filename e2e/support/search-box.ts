import type { Page } from 'playwright-core'

/**
 * Types the query into the site's search box (the navbar's on desktop, the menu's on a phone) and returns the
 * options' hrefs in the order shown.
 */
export async function search(page: Page, query: string): Promise<string[]> {
  let box = page.locator('input[type="search"]:visible').first()
  if ((await box.count()) === 0) {
    await page.getByRole('button', { name: 'Menu' }).click()
    box = page.locator('input[type="search"]:visible').first()
  }
  // The phone's menu slides in: focus the box rather than wait for a click target to settle.
  await box.focus()
  await box.fill('')
  await box.pressSequentially(query)
  const options = page.getByRole('option')
  await options.first().waitFor()
  // Results settle after the index loads; read them once they stop changing.
  await page.waitForTimeout(400)
  return options.evaluateAll((os) => os.map((o) => (o.closest('a') ?? o.querySelector('a'))?.getAttribute('href') ?? ''))
}
