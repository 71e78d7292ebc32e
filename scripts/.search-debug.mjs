import { chromium } from 'playwright-core'
const base = process.argv[2]
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const ctx = await b.newContext({ baseURL: base })
await ctx.route('**/*', (route) => (route.request().url().startsWith(base) ? route.continue() : route.abort()))
const p = await ctx.newPage()
p.on('console', m => console.log('console', m.type(), m.text()))
p.on('requestfailed', r => console.log('failed', r.url()))
await p.goto('/guide/the-problem', { waitUntil: 'networkidle' })
const box = p.locator('input[type="search"]:visible').first()
p.on('response', r => { if (!r.url().includes('/_next/static/chunks/') || r.url().includes('nextra')) console.log('resp', r.status(), r.url()) })
await box.click()
await p.waitForTimeout(4000)
await box.pressSequentially('unstable_update')
const hit = p.getByRole('option').filter({ hasText: /unstable_update/ }).first()
try { await hit.click({ timeout: 10000 }); await p.waitForURL(/\/guide\/(built-in-update|server-side-update)/, { timeout: 10000 }); console.log('OK', p.url()) } catch (e) { console.log('ERR', e.message.slice(0, 300)); console.log(await p.evaluate(() => document.querySelector('[role=listbox]')?.parentElement?.innerText?.slice(0, 300))) }
await b.close()
