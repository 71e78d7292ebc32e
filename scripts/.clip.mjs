import { chromium } from 'playwright-core'
const [base, out, ...specs] = process.argv.slice(2)
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
for (const spec of specs) {
  const [path, text, scheme, width] = spec.split('|')
  const ctx = await b.newContext({ viewport: { width: Number(width), height: 1000 }, colorScheme: scheme })
  const p = await ctx.newPage()
  const errors = []
  p.on('console', (m) => m.type() === 'error' && errors.push(m.text()))
  await p.goto(base + path, { waitUntil: 'networkidle' })
  await p.waitForTimeout(1500)
  if (text) await p.locator('article, main').first().getByText(text, { exact: false }).first().scrollIntoViewIfNeeded()
  if (text) await p.evaluate(() => window.scrollBy(0, -80))
  await p.waitForTimeout(500)
  const name = `${out}/${path.replace(/\W+/g, '_')}-${(text || 'top').replace(/\W+/g, '_').slice(0, 20)}-${scheme}-${width}.png`
  await p.screenshot({ path: name })
  console.log(name, errors.length ? 'CONSOLE ERRORS: ' + errors.join(' | ') : '')
  await ctx.close()
}
await b.close()
