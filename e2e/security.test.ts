// Issue 10 in Chromium: the open redirect (finding 1), cross-origin writes from a second loopback origin
// (finding 3), and the reader's path fixes (the sign-in page says why, shows only known error codes; a
// completed onboarding page offers a way on).
import Database from 'better-sqlite3'
import { createServer, type Server } from 'node:http'
import { join } from 'node:path'
import type { BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { freePort } from '../tests/support/server'
import { hasBrowser, localContext } from './support/browser'
import { useServerAndBrowser } from './support/suite'

const env = useServerAndBrowser()

/** A guest signed in through the real form, in a context that can reach only the demo server. */
async function guest(context: BrowserContext, name = 'Ada') {
  const page = await context.newPage()
  await page.goto('/demo')
  await page.getByLabel('Display name').fill(name)
  await page.getByRole('button', { name: 'Continue as a guest' }).click()
  await page.waitForURL(/\/demo\/onboarding/)
  return page
}

function row(id: string) {
  const db = new Database(join(env.server.dataDir, 'demo.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT onboarding_step AS step, version FROM users WHERE id = ?').get(id) as { step: string; version: number }
  } finally {
    db.close()
  }
}

describe.skipIf(!hasBrowser)('open redirect through callbackUrl (finding 1)', () => {
  const VALUES = {
    tab: '/%09/evil.example/x',
    newline: '/%0A/evil.example/x',
    backslash: '/%5Cevil.example/x',
    'protocol-relative': '//evil.example/x',
    'dot segment': '/.//evil.example/x',
    absolute: 'https://evil.example/x',
    javascript: 'javascript:window.__pwned=1',
  }

  for (const [name, value] of Object.entries(VALUES)) {
    it(`${name}: signing in and "Continue" stay on the site`, async () => {
      const context = await localContext(env.browser, env.server.url)
      const offsite: string[] = []
      context.on('request', (r) => {
        if (!r.url().startsWith(env.server.url)) offsite.push(r.url())
      })
      const page = await context.newPage()
      await page.goto(`/demo?callbackUrl=${value}`)
      await page.getByLabel('Display name').fill('Ada')
      await page.getByRole('button', { name: 'Continue as a guest' }).click()
      await page.waitForURL(/\/demo\/onboarding\?callbackUrl=%2Fdemo%2Fexplore$/)
      // Signed in now: the page offers "Continue" to the same target.
      await page.goto(`/demo?callbackUrl=${value}`)
      const href = await page.getByRole('link', { name: 'Continue' }).getAttribute('href')
      expect(href).toBe('/demo/explore')
      await page.getByRole('link', { name: 'Continue' }).click()
      await page.waitForURL(/\/demo\/onboarding/)
      expect(offsite).toEqual([])
      expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined()
      await context.close()
    })
  }
})

describe.skipIf(!hasBrowser)('cross-origin writes from a second loopback origin (finding 3)', () => {
  let attacker: Server
  let attackerUrl: string
  beforeAll(async () => {
    const port = await freePort()
    // Same site as the demo (localhost; ports do not count for SameSite), another origin.
    attackerUrl = `http://localhost:${port}`
    const target = `${env.server.url}/api/demo/onboarding/complete`
    attacker = createServer((req, res) => {
      res.setHeader('content-type', 'text/html')
      if (req.url === '/form') {
        res.end(`<form id=f method=POST enctype="text/plain" action="${target}"></form><script>f.submit()</script>`)
      } else {
        res.end(`<script>fetch(${JSON.stringify(target)}, { method: 'POST', mode: 'no-cors', credentials: 'include' })
          .then(() => { document.title = 'sent' }, () => { document.title = 'failed' })</script>`)
      }
    })
    await new Promise<void>((done) => attacker.listen(port, '127.0.0.1', done))
  })
  afterAll(() => new Promise((done) => attacker?.close(done)))

  it('a text/plain form and a no-cors fetch from another port change nothing (403)', async () => {
    const context = await env.browser.newContext({ baseURL: env.server.url })
    const page = await guest(context, 'Target')
    const id = (await (await page.request.get('/api/auth/session')).json()).user.id as string
    const statuses: number[] = []
    context.on('response', (r) => {
      if (r.url().endsWith('/api/demo/onboarding/complete')) statuses.push(r.status())
    })

    const form = await context.newPage()
    const formResponse = form.waitForResponse((r) => r.url().endsWith('/onboarding/complete'))
    await form.goto(`${attackerUrl}/form`)
    expect(await (await formResponse).text()).toMatch(/accepts requests from http:\/\/localhost:\d+ only, not from http:\/\/localhost:\d+/)

    const fetcher = await context.newPage()
    await fetcher.goto(`${attackerUrl}/fetch`)
    await expect.poll(() => fetcher.title()).toBe('sent')
    await expect.poll(() => statuses.length).toBe(2)

    expect(statuses).toEqual([403, 403])
    expect(row(id)).toEqual({ step: 'INITIAL', version: 1 })
    await context.close()
  })
})

describe.skipIf(!hasBrowser)('the reader’s path', () => {
  it('a reader sent to sign-in from a demo page is told why; /demo?error=<text> shows no text', async () => {
    const context = await localContext(env.browser, env.server.url)
    const page = await context.newPage()
    await page.goto('/demo/attack')
    expect(new URL(page.url()).pathname).toBe('/demo')
    await expect.poll(() => page.getByTestId('signin-why').textContent()).toMatch(/\/demo\/attack is part of the live demo/)

    await page.goto('/demo?error=Your%20account%20is%20locked.%20Call%20%2B1%20555%200100')
    await page.getByRole('button', { name: 'Continue as a guest' }).waitFor()
    expect(await page.getByText('Your account is locked').count()).toBe(0)
    await page.goto('/demo?error=AccessDenied')
    await page.getByText('Sign-in was refused.').waitFor()
    await context.close()
  })

  it('a completed /demo/onboarding no longer says "sent you here" and offers a way on', async () => {
    const context = await localContext(env.browser, env.server.url)
    const page = await guest(context)
    expect(await page.getByTestId('onboarding-why').textContent()).toMatch(/sent you here/)
    await page.getByRole('radio', { name: /Built-in update/ }).check()
    await page.getByRole('button', { name: 'Complete onboarding' }).click()
    await page.waitForURL(/\/demo\/explore$/)
    await page.goto('/demo/onboarding')
    await page.getByTestId('onboarding-continue').click()
    await page.waitForURL(/\/demo\/explore$/)
    await page.goto('/demo/onboarding')
    await page.getByTestId('onboarding-continue').waitFor()
    expect(await page.getByText('sent you here').count()).toBe(0)
    await context.close()
  })
})
