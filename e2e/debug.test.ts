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
    console.log('LINES', JSON.stringify((await page.locator('.cm-line').allTextContents()).slice(15,24)))
    console.log('STATUS', await page.getByTestId('token-lab').getByTestId('lab-status').textContent()); console.log('AFTER', await page.getByTestId('token-after').textContent())
    await page.screenshot({ path: '/tmp/dbg.png', fullPage: true })
  } finally { await browser.close(); await server.stop({ clean: true }) }
})
