// What a page pays for the lab: nothing without one; on a lab page, the code at once and the rest when needed.
import type { BrowserContext } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { hasBrowser } from './support/browser'
import { offlineContext, useServerAndBrowser } from './support/suite'
import { openLab, typeLineAfter } from './support/lab-page'

// Strings only found in each part: CodeMirror (Sandpack's editor), the lab's engine bundle, Sucrase.
const MARKERS = { editor: 'cm-editor', engine: 'lab-sign-in', compiler: 'isTypeScript' }
type Part = keyof typeof MARKERS

/**
 * Which parts the JavaScript this context fetched (pages and workers) contains. Every script body must be read:
 * one that cannot be would hide a part, so it fails the test instead of counting as empty.
 */
function watchScripts(context: BrowserContext) {
  const bodies: Promise<{ url: string; text?: string; error?: string } | null>[] = []
  context.on('response', (response) => {
    const url = response.url()
    if (!url.endsWith('.js')) return
    bodies.push(
      (async () => {
        // A <link rel="prefetch"> of another page's chunk is fetched, never run, and Chromium keeps no body for it.
        const headers = await response.request().allHeaders()
        if (/prefetch/.test(headers['sec-purpose'] ?? headers['purpose'] ?? '')) return null
        return response.text().then((text) => ({ url, text }), (error) => ({ url, error: String(error) }))
      })(),
    )
  })
  return async () => {
    const read = (await Promise.all(bodies)).filter((body) => body !== null)
    expect(read.length, 'scripts seen').toBeGreaterThan(0)
    expect(read.filter((body) => !body.text), 'script bodies that could not be read').toEqual([])
    const texts = read.map((body) => body.text!)
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
    // Highlighted at build time: one span per token, so the text is what to look for.
    const placeholder = html.slice(html.indexOf('data-testid="lab-placeholder"'))
    expect(placeholder.replace(/<[^>]+>/g, '')).toContain('JSON.parse(String(credentials.user))')

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
