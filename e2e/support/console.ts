import type { Page } from 'playwright-core'

/**
 * Opens each path and returns every console error and uncaught page error it logged, as "path: message".
 * Waits for the network to go idle, so that hydration (where React reports invalid HTML, error #418) has run.
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
      await page.goto(path, { waitUntil: 'networkidle' })
    }
  } finally {
    page.off('console', onConsole)
    page.off('pageerror', onPageError)
  }
  return errors
}
