// The Content-Security-Policy in Chromium: every page works under it, with no violation and no console error,
// signed out and signed in. A violation anywhere (page, lab sandbox) is reported by the browser as an event.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'

interface Problems {
  violations: string[]
  errors: string[]
}

async function watchedPage(context: BrowserContext): Promise<{ page: Page; problems: Problems }> {
  const problems: Problems = { violations: [], errors: [] }
  await context.exposeFunction('__cspViolation', (text: string) => problems.violations.push(text))
  // In every frame, the lab's sandbox included.
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { __cspViolation(t: string): void }).__cspViolation?.(`${e.effectiveDirective} ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}`),
    )
  })
  const page = await context.newPage()
  page.on('console', (message) => {
    if (message.type() === 'error') problems.errors.push(message.text())
  })
  page.on('pageerror', (error) => problems.errors.push(error.message))
  return { page, problems }
}

const PAGES = ['/', '/guide/the-problem', '/demo', '/demo/onboarding', '/demo/explore', '/no-such-page']

describe.skipIf(!hasBrowser)('CSP in Chromium', () => {
  const env = useServerAndBrowser()
  let context: BrowserContext
  let page: Page
  let problems: Problems

  beforeAll(async () => {
    if (!hasBrowser) return
    context = await localContext(env.browser, env.server.url)
    ;({ page, problems } = await watchedPage(context))
  })
  afterAll(() => context?.close())

  async function visit(path: string) {
    problems.violations.length = problems.errors.length = 0
    await page.goto(path, { waitUntil: 'networkidle' })
    // Theme switching runs next-themes' code again, and the dark-mode toggle is where inline code would hide.
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.waitForTimeout(200)
    await page.emulateMedia({ colorScheme: 'light' })
    return { ...problems, path: new URL(page.url()).pathname }
  }

  test('signed out: no violation, no console error, and the theme script ran', async () => {
    for (const path of PAGES) {
      const seen = await visit(path)
      // Chromium logs the 404 answer to the document itself as a console error: that one is the point of the page.
      const errors = seen.errors.filter((e) => !(path === '/no-such-page' && /status of 404/.test(e)))
      expect({ path, violations: seen.violations, errors }).toEqual({ path, violations: [], errors: [] })
    }
  })

  test('the lab runs under the policy: editor, engine in its sandbox, first result', async () => {
    const seen = await visit('/lab')
    await page.getByTestId('lab-status').and(page.locator('[data-state="done"]')).waitFor({ timeout: 30_000 })
    expect(seen.violations).toEqual([])
    expect(seen.errors).toEqual([])
  })

  test('signed in as a guest: no violation, no console error', async () => {
    await page.goto('/demo')
    await page.getByLabel('Display name').fill('Csp')
    await page.getByRole('button', { name: 'Continue as a guest' }).click()
    await page.waitForURL(/\/demo\/onboarding/)
    for (const path of ['/demo', '/demo/onboarding', '/demo/explore', '/lab']) {
      const seen = await visit(path)
      expect({ path, violations: seen.violations, errors: seen.errors }).toEqual({ path, violations: [], errors: [] })
    }
  })

  test('the policy is enforced: an inline script that is not hashed does not run', async () => {
    await page.goto('/')
    const ran = await page.evaluate(() => {
      const script = document.createElement('script')
      script.textContent = 'window.__injected = true'
      document.body.append(script)
      return (window as unknown as { __injected?: boolean }).__injected === true
    })
    expect(ran).toBe(false)
    await expect.poll(() => problems.violations.some((v) => v.startsWith('script-src-elem inline'))).toBe(true)
  })
})
