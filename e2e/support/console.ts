import type { Page } from 'playwright-core'

/**
 * Opens each path and returns every console error and uncaught page error it logged, as "path: message".
 * Waits past the load event, so that hydration (where React reports invalid HTML, error #418) has run. Not
 * "networkidle": the lab's worker and the session client keep the network busy on some pages.
 */
export async function consoleErrorsOn(page: Page, paths: Iterable<string>): Promise<string[]> {
  const errors: string[] = []
  let current = ''
  const onConsole = (m: { type(): string; text(): string }) => {
    if (m.type() === 'error') errors.push(`${current}: ${m.text()}`)
  }
  const onPageError = (e: Error) => errors.push(`${current}: ${e.message}`)
  page.on('console', onConsole)
  page.on('pageerror', onPageError)
  try {
    for (const path of paths) {
      current = path
      await page.goto(path, { waitUntil: 'load' })
      await page.waitForTimeout(400)
    }
  } finally {
    page.off('console', onConsole)
    page.off('pageerror', onPageError)
  }
  return errors
}
