// The demo behind https, as it runs in public: the production server with an https NEXTAUTH_URL behind a
// TLS-terminating proxy on loopback (a certificate made at test time). next-auth then names its cookies
// __Secure-… (node_modules/next-auth/core/lib/cookie.js:18), and every reader of the session must use that name:
// sign-in, the mutation, each strategy, the gate (middleware.ts) and the token view.
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startHttpsProxy } from '../tests/support/https-proxy'
import { freePort, startServer, type TestServer } from '../tests/support/server'
import { hasBrowser, launch, localContext } from './support/browser'
import { STRATEGIES, json, newGuestPage, submitOnboarding } from './support/demo-page'

let server: TestServer
let proxy: Awaited<ReturnType<typeof startHttpsProxy>>
let browser: Browser

beforeAll(async () => {
  if (!hasBrowser) return
  const port = await freePort()
  server = await startServer({ env: { NEXTAUTH_URL: `https://localhost:${port}` } })
  ;[proxy, browser] = await Promise.all([startHttpsProxy(port, server.port), launch(['--ignore-certificate-errors'])])
})
afterAll(async () => {
  await browser?.close()
  await proxy?.close()
  await server?.stop({ clean: true })
})

describe.skipIf(!hasBrowser)('the demo over https', () => {
  for (const strategy of STRATEGIES) {
    it(`"${strategy.label}": sign-in, mutation, update and gate, with __Secure- cookies only`, async () => {
      const context = await localContext(browser, proxy.url, { ignoreHTTPSErrors: true })
      const { page } = await newGuestPage(context, 'Ada')
      await submitOnboarding(page, strategy.label)
      await page.waitForURL(/\/demo\/explore$/)
      await page.getByTestId('explore-welcome').waitFor()
      expect(await json(page, 'token-after')).toMatchObject({ onboardingStep: 'COMPLETED', mintedBy: strategy.mintedBy })

      const cookies = await context.cookies()
      const session = cookies.filter((c) => c.name.includes('session-token'))
      expect(session.map(({ name, secure, httpOnly }) => ({ name, secure, httpOnly }))).toEqual([
        { name: '__Secure-next-auth.session-token', secure: true, httpOnly: true },
      ])
      expect(cookies.find((c) => c.name.includes('csrf-token'))?.name).toBe('__Host-next-auth.csrf-token')
      expect(cookies.filter((c) => !c.secure).map((c) => c.name)).toEqual([])

      // The token view reads the __Secure- cookie; the gate passes on it, and holds once the cookie is gone.
      const token = await (await page.request.get('/api/demo/token')).json()
      expect(token).toMatchObject({ signedIn: true, claims: { onboardingStep: 'COMPLETED' }, cookie: { name: '__Secure-next-auth.session-token', chunks: 1 } })
      await page.goto('/demo/explore')
      expect(new URL(page.url()).pathname).toBe('/demo/explore')
      await context.clearCookies({ name: '__Secure-next-auth.session-token' })
      await page.goto('/demo/explore')
      expect(new URL(page.url()).pathname).toBe('/demo')
      await context.close()
    })
  }

  it('a plain-named session cookie is not a session over https', async () => {
    const context = await localContext(browser, proxy.url, { ignoreHTTPSErrors: true })
    const { page } = await newGuestPage(context, 'Eve')
    const [secure] = (await context.cookies()).filter((c) => c.name === '__Secure-next-auth.session-token')
    await context.clearCookies({ name: '__Secure-next-auth.session-token' })
    await context.addCookies([{ ...secure, name: 'next-auth.session-token' }])
    expect(await (await page.request.get('/api/demo/token')).json()).toMatchObject({ signedIn: false })
    await page.goto('/demo/onboarding')
    expect(new URL(page.url()).pathname).toBe('/demo')
    await context.close()
  })
})
