// The reader's code runs where it cannot reach the site: a worker started from a sandboxed, opaque-origin frame
// under connect-src 'none'. Signed in first, so there is a session cookie to steal.
import type { BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { hasBrowser } from './support/browser'
import { claimsOf, openLab } from './support/lab-page'
import { offlineContext, useServerAndBrowser } from './support/suite'

/** auth.ts that tries everything it should not manage, and writes what it got into the token. */
const probe = (site: string) => `import Credentials from '@auth/core/providers/credentials'
export default {
  providers: [Credentials({ id: 'session-update', credentials: { user: {} }, async authorize(c) { return c?.user ? JSON.parse(String(c.user)) : null } })],
  callbacks: {
    async jwt({ token, user }) {
      if (user) { token.role = user.role; token.onboardingStep = user.onboardingStep }
      token.origin = String(self.origin)
      token.cookie = typeof document === 'undefined' ? 'no document' : document.cookie
      try {
        const res = await fetch('${site}/api/demo/token', { credentials: 'include' })
        token.fetched = res.status + ' ' + (await res.text()).slice(0, 300)
      } catch (error) {
        token.fetched = 'blocked: ' + error.message
      }
      // no-cors: CORS alone would let this request leave (with an opaque answer); only the CSP stops it.
      try {
        await fetch('${site}/api/demo/token?no-cors', { mode: 'no-cors' })
        token.noCors = 'sent'
      } catch (error) {
        token.noCors = 'blocked: ' + error.message
      }
      token.secure = self.isSecureContext && typeof crypto.subtle === 'object'
      return token
    },
  },
}
`

describe.skipIf(!hasBrowser)('token lab sandbox', () => {
  const env = useServerAndBrowser()
  let context: BrowserContext
  let blocked: string[]
  let page: Page

  beforeAll(async () => {
    if (!hasBrowser) return
    ;({ context, blocked } = await offlineContext(env.browser, env.server.url))
    page = await context.newPage()
    // A real session on the site: the cookie the reader's code would want.
    await page.goto(`${env.server.url}/demo`)
    await page.getByLabel('Display name').fill('Victim')
    await page.getByRole('button', { name: 'Continue as a guest' }).click()
    await page.waitForURL(/\/demo\/onboarding/)
    expect((await context.cookies()).some((c) => c.name.includes('session-token'))).toBe(true)
    await openLab(page, `${env.server.url}/lab`)
  })
  afterAll(async () => {
    // Only when the context was made: a failed beforeAll already reports its own error.
    if (blocked) expect(blocked).toEqual([])
    await context?.close()
  })

  test('the engine runs in a frame with sandbox="allow-scripts" and an opaque origin', async () => {
    const frames = page.locator('iframe[data-testid="lab-sandbox"]')
    expect(await frames.count()).toBeGreaterThanOrEqual(1)
    for (const frame of await frames.all()) expect(await frame.getAttribute('sandbox')).toBe('allow-scripts')
    const sandbox = page.frames().find((f) => f.url().endsWith('/lab-sandbox.html'))!
    expect(await sandbox.evaluate(() => self.origin)).toBe('null')
    await expect(sandbox.evaluate(() => document.cookie)).rejects.toThrow(/sandboxed|SecurityError/)
  })

  test("the reader's code can read neither the cookie nor the site's API, and presets still run", async () => {
    await page.locator('.cm-content').first().click()
    await page.keyboard.press('Control+A')
    await page.keyboard.insertText(probe(env.server.url))
    await expect.poll(async () => (await claimsOf(page, 'token-after'))?.fetched, { timeout: 10_000 }).toBeDefined()
    const after = (await claimsOf(page, 'token-after'))!
    expect(after.origin).toBe('null')
    expect(after.cookie).toBe('no document')
    expect(String(after.fetched)).toMatch(/^blocked: /)
    expect(String(after.fetched)).not.toContain('session-token')
    expect(String(after.noCors)).toMatch(/^blocked: /)
    // A secure context (crypto.subtle for Auth.js): a data: worker, not a blob:null/... one, which Chromium makes insecure.
    expect(after.secure).toBe(true)

    // The presets run as before in the same sandbox.
    await page.getByTestId('lab-preset-ticket').click()
    await expect.poll(async () => (await claimsOf(page, 'token-after'))?.ver, { timeout: 10_000 }).toBe(2)
    expect(await claimsOf(page, 'token-after')).toMatchObject({ onboardingStep: 'COMPLETED' })
  })

  test('the page takes no message but from its own sandbox frames', async () => {
    // Forged results for ids 0-99 (this page makes far fewer runs), sent every 10 ms from before Reset asks for a run
    // until after it is done, from two windows: the page's own (origin: the site) and another opaque-origin frame
    // (origin "null", like the lab's own sandboxes, but not one of them). All ignored.
    await page.evaluate(() => {
      const frame = Object.assign(document.createElement('iframe'), { id: 'forger', src: '/lab-sandbox.html', hidden: true })
      frame.setAttribute('sandbox', 'allow-scripts')
      document.body.append(frame)
    })
    const other = (await (await page.waitForSelector('#forger', { state: 'attached' })).contentFrame())!
    await other.waitForLoadState()
    const startForging = () => {
      const claims = { forged: true }
      const view = { signedIn: true, claims, cookie: null }
      const attack = { letIn: false, detail: 'forged', claims: null, errors: [] }
      const forge = () => {
        for (let id = 0; id < 100; id++) {
          const result = { before: view, after: view, errors: [], exchanges: [], attack, ms: 0, session: null }
          ;(window === window.top ? window : window.parent).postMessage({ kind: 'result', id, result }, '*')
        }
      }
      Object.assign(window, { forger: setInterval(forge, 10) })
    }
    await Promise.all([page.evaluate(startForging), other.evaluate(startForging)])
    await page.getByTestId('lab-reset').click()
    await expect.poll(() => page.getByTestId('lab-status').getAttribute('data-state'), { timeout: 10_000 }).toBe('done')
    await page.waitForTimeout(300)
    const stopForging = () => clearInterval((window as never as { forger: number }).forger)
    await Promise.all([page.evaluate(stopForging), other.evaluate(stopForging)])
    await page.evaluate(() => document.getElementById('forger')!.remove())
    expect(await page.getByTestId('token-after').textContent()).not.toContain('forged')
    expect(await claimsOf(page, 'token-after')).toMatchObject({ onboardingStep: 'COMPLETED' })
  })
})
