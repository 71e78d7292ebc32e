// Issue 10, finding 4, as a visitor meets it: over the guest sign-in limit, the sign-in page says why and when
// to come back (the server's 429 message, not a generic failure), stays on the page, and signs nobody in.
// The limit's arithmetic (window, Retry-After, TRUST_PROXY, the row cap) is tested fast in tests/unit/guest-limits.test.ts.
import { describe, expect, it } from 'vitest'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'

// Two guest sign-ins per 10 minutes from one address, for this file's server only.
const env = useServerAndBrowser({ GUEST_SIGNIN_LIMIT: '2/10m' })

describe.skipIf(!hasBrowser)('the guest sign-in limit in the browser', () => {
  it('the third sign-in from one address shows the 429 message on the sign-in page, and no session is made', async () => {
    for (const name of ['First', 'Second']) {
      const context = await localContext(env.browser, env.server.url)
      const page = await context.newPage()
      await page.goto('/demo')
      await page.getByLabel('Display name').fill(name)
      await page.getByRole('button', { name: 'Continue as a guest' }).click()
      await page.waitForURL(/\/demo\/onboarding/)
      await context.close()
    }

    const context = await localContext(env.browser, env.server.url)
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    await page.goto('/demo')
    await page.getByLabel('Display name').fill('Third')
    const answer = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/auth/callback/demo')
    await page.getByRole('button', { name: 'Continue as a guest' }).click()
    const res = await answer
    expect(res.status()).toBe(429)
    expect(res.headers()['retry-after']).toMatch(/^\d+$/)
    // The form's own alert (Next.js adds a route announcer with role=alert too).
    const alert = page.locator('[role="alert"]:not(#__next-route-announcer__)')
    await expect.poll(() => alert.textContent()).toBe('Too many guest sign-ins from your address (2 per 10 minutes). Try again in 10 minutes.')
    expect(new URL(page.url()).pathname).toBe('/demo')
    expect((await context.cookies()).filter((c) => c.name.includes('session-token'))).toEqual([])
    // The button is usable again: the reader can retry later without reloading.
    expect(await page.getByRole('button', { name: 'Continue as a guest' }).isEnabled()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })
})
