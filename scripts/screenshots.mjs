#!/usr/bin/env node
// Screenshots for review: node scripts/screenshots.mjs BASE_URL OUT_DIR [path ...]
// Each path in light and dark at 1280 px, and light at 375 px. Gated demo pages get a guest session first
// (signed in, onboarded through the built-in update()).
import { mkdirSync } from 'node:fs'
import { chromium } from 'playwright-core'

const [base = 'http://localhost:3000', out = 'screenshots', ...paths] = process.argv.slice(2)
const pages = paths.length ? paths : ['/', '/guide/the-problem', '/demo', '/demo/onboarding', '/demo/explore', '/demo/attack']
mkdirSync(out, { recursive: true })

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
})

async function completeOnboarding(page) {
  await page.goto(`${base}/demo/onboarding`)
  await page.getByRole('radio', { name: /Built-in update/ }).check()
  await page.getByRole('button', { name: 'Complete onboarding' }).click()
  await page.waitForURL(/explore/)
}

async function signedIn(context) {
  const page = await context.newPage()
  await page.goto(`${base}/demo`)
  await page.getByLabel('Display name').fill('Ada')
  await page.getByRole('button', { name: 'Continue as a guest' }).click()
  await page.waitForURL(/onboarding/)
  await page.close()
}

for (const [name, viewport, scheme] of [
  ['light', { width: 1280, height: 900 }, 'light'],
  ['dark', { width: 1280, height: 900 }, 'dark'],
  ['mobile', { width: 375, height: 800 }, 'light'],
]) {
  const context = await browser.newContext({ viewport, colorScheme: scheme })
  await signedIn(context)
  let onboarded = false
  // One tab throughout: the demo keeps its last update report in sessionStorage, per tab.
  const page = await context.newPage()
  for (const path of pages) {
    if (!onboarded && path.startsWith('/demo/') && path !== '/demo/onboarding') {
      await completeOnboarding(page)
      onboarded = true
    }
    await page.goto(base + path, { waitUntil: 'networkidle' })
    const file = `${out}/${path.replace(/\//g, '_') || '_'}-${name}.png`
    await page.screenshot({ path: file, fullPage: true })
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)
    console.log(file, overflow > 0 ? `HORIZONTAL OVERFLOW ${overflow}px` : '')
  }
  await context.close()
}
await browser.close()
