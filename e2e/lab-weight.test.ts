// What a page pays for the lab: nothing without one; on a lab page, the code at once and the rest when needed.
import type { BrowserContext } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { hasBrowser } from './support/browser'
import { offlineContext, useServerAndBrowser } from './support/suite'
import { openLab, typeLineAfter } from './support/lab-page'

// Strings only found in each part: CodeMirror (Sandpack's editor), the lab's engine bundle, Sucrase.
const MARKERS = { editor: 'cm-editor', engine: 'lab-sign-in', compiler: 'isTypeScript' }
type Part = keyof typeof MARKERS

/** Which parts the JavaScript this context fetched (pages and workers) contains. */
function watchScripts(context: BrowserContext) {
  const bodies: Promise<string>[] = []
  context.on('response', (response) => {
    if (response.url().endsWith('.js')) bodies.push(response.text().catch(() => ''))
  })
  return async () => {
    const texts = await Promise.all(bodies)
    return (Object.keys(MARKERS) as Part[]).filter((part) => texts.some((text) => text.includes(MARKERS[part])))
  }
}

describe.skipIf(!hasBrowser)('lab weight', () => {
  const env = useServerAndBrowser()

  test('a chapter without a lab loads none of it', async () => {
    const { context } = await offlineContext(env.browser, env.server.url)
    const loaded = watchScripts(context)
    const page = await context.newPage()
    await page.goto(`${env.server.url}/guide/the-problem`, { waitUntil: 'networkidle' })
    expect(await loaded()).toEqual([])
    await context.close()
  })

  test('the lab page is served with its code, then loads the editor and engine, and the compiler on the first edit', async () => {
    const html = await (await fetch(`${env.server.url}/lab`)).text()
    expect(html).toContain('data-testid="lab-placeholder"')
    expect(html).toContain('JSON.parse(String(credentials.user))')

    const { context } = await offlineContext(env.browser, env.server.url)
    const loaded = watchScripts(context)
    const page = await context.newPage()
    await openLab(page, `${env.server.url}/lab`)
    expect(await loaded()).toEqual(['editor', 'engine'])
    await typeLineAfter(page, 'token.onboardingStep = user.onboardingStep', 'token.edited = true')
    await expect.poll(() => page.getByTestId('token-after').textContent(), { timeout: 5_000 }).toContain('"edited": true')
    expect(await loaded()).toEqual(['editor', 'engine', 'compiler'])
    await context.close()
  })
})
