import type { BrowserContext } from 'playwright-core'

/** Signs a guest in through the demo's form and completes onboarding with the built-in update(). */
export async function onboardedGuest(context: BrowserContext, name = 'Ada') {
  const page = await context.newPage()
  await page.goto('/demo')
  await page.getByLabel('Display name').fill(name)
  await page.getByRole('button', { name: 'Continue as a guest' }).click()
  await page.waitForURL(/\/demo\/onboarding/)
  await page.getByRole('radio', { name: /Built-in update/ }).check()
  await page.getByRole('button', { name: 'Complete onboarding' }).click()
  await page.waitForURL(/\/demo\/explore/)
  await page.getByTestId('update-report').waitFor()
  return page
}
