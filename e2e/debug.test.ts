import { test } from 'vitest'
import { launchChromium, offlineContext } from '../tests/support/browser'
import { openLab, typeLineAfter } from '../tests/support/lab-page'
import { startServer } from '../tests/support/server'
test('debug', async () => {
  const server = await startServer(); const browser = await launchChromium()
  try {
    const { context } = await offlineContext(browser, server.url)
    const page = await context.newPage()
    page.on('console', (m) => console.log('console:', m.type(), m.text()))
    page.on('pageerror', (e) => console.log('pageerror:', e.message))
    page.on('request', (r) => r.url().includes('chunks') && console.log('REQ', r.url()))
    await openLab(page, server.url + '/lab')
    await typeLineAfter(page, 'token.onboardingStep = user.onboardingStep', "token.plan = 'pro-' + user.name")
    await page.waitForTimeout(2000)
    console.log('LINES', JSON.stringify(await page.locator('.cm-line').allTextContents()))
    console.log('STATUS', await page.getByTestId('lab-status').textContent())
    await page.screenshot({ path: '/tmp/dbg.png' })
  } finally { await browser.close(); await server.stop({ clean: true }) }
})
