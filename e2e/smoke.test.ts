import { startServer } from '../tests/support/server'
import { launchChromium, offlineContext } from '../tests/support/browser'
import { test } from 'vitest'
test('smoke', async () => {
const server = await startServer()
const browser = await launchChromium()
try {
  const { context, blocked } = await offlineContext(browser, server.url)
  const page = await context.newPage()
  page.on('console', (m) => console.log('console:', m.type(), m.text()))
  page.on('pageerror', (e) => console.log('pageerror:', e.message))
  page.on('worker', (w) => { console.log('WORKER', w.url()); w.on('close', () => console.log('worker closed')) })
  await page.goto(server.url + '/lab')
  await page.waitForTimeout(3000)
  console.log('EVAL', await page.evaluate(async () => {
    const src = [...document.scripts].map(s => s.src)
    const url = performance.getEntriesByType('resource').map(e => e.name).filter(n => n.includes('token-lab'))
    if (!url.length) return 'no worker resource ' + src.join(' ')
    return await new Promise((res) => { const w = new Worker(url[0], { type: 'module' }); w.onmessage = (e) => res('msg ' + JSON.stringify(e.data)); w.onerror = (e) => res('error ' + e.message + ' ' + e.filename + ':' + e.lineno); setTimeout(() => res('timeout'), 3000) })
  }))
  await page.waitForTimeout(6000); console.log('STATUS0', await page.getByTestId('token-lab').innerText()); await page.screenshot({ path: '/tmp/lab0.png', fullPage: true }); await page.getByTestId('token-after').waitFor({ timeout: 2000 })
  console.log('status', await page.getByTestId('lab-status').textContent())
  console.log('after', await page.getByTestId('token-after').textContent())
  console.log('attack', await page.getByTestId('lab-attack').getAttribute('data-verdict'))
  await page.getByTestId('lab-preset-ticket').click()
  await page.waitForTimeout(500)
  console.log('status', await page.getByTestId('lab-status').textContent())
  console.log('after', await page.getByTestId('token-after').textContent())
  console.log('attack', await page.getByTestId('lab-attack').textContent())
  await page.screenshot({ path: '/tmp/lab1.png', fullPage: true })
  console.log('blocked', blocked)
} finally { await browser.close(); await server.stop({ clean: true }) }
})
