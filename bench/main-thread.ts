// Main-thread time by kind of work, from Chrome's own trace: HTML parsing, style, layout, paint, script (evaluation
// and callbacks), GC, and the long tasks' time past 50 ms (what Lighthouse sums as total blocking time), medians over
// N loads of each URL, interleaved, at 4x CPU throttle on a phone-sized viewport. Against servers already running:
//   npx tsx bench/main-thread.ts http://localhost:3000/guide/the-problem http://localhost:3001/the-problem 7
// Issue 26 used it to compare a chapter with its text in bare Nextra (README, "Page speed", third round); where
// Lighthouse gives one number per page, this says which kind of work a difference is made of.
import { chromium } from 'playwright-core'
const urls = process.argv.slice(2).filter((a) => a.startsWith('http'))
const runs = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3)
const NAMES = ['ParseHTML', 'ParseAuthorStyleSheet', 'UpdateLayoutTree', 'Layout', 'Paint', 'PrePaint', 'Layerize', 'EvaluateScript', 'v8.compile', 'v8.compileModule', 'FunctionCall', 'EventDispatch', 'TimerFire', 'FireAnimationFrame', 'RunMicrotasks', 'HitTest', 'IntersectionObserverController::computeIntersections', 'MajorGC', 'MinorGC', 'V8.GC_SCAVENGER', 'BlinkGC.AtomicPhase']
async function main() {
  if (urls.length === 0) throw new Error('usage: npx tsx bench/main-thread.ts <url>... [loads per url, default 3]')
  const browser = await chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  })
  const out: Record<string, Record<string, number[]>> = {}
  const forcedBy: Record<string, Record<string, number>> = {}
  for (let i = 0; i < runs; i++) {
    for (const url of urls) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 } })
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'blink.user_timing', 'loading'] })
      await page.goto(url, { waitUntil: 'load' })
      await page.waitForTimeout(4000)
      const buf = await browser.stopTracing()
      const events = (JSON.parse(buf.toString()).traceEvents ?? []) as { name: string; ph: string; ts: number; dur?: number; tid: number; pid: number; args?: any }[]
      // The renderer main thread that did the most script work (COOP swaps the page into a new renderer process).
      const mains = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
      const work = (t: { pid: number; tid: number }) => events.filter((x) => x.pid === t.pid && x.tid === t.tid && x.name === 'EvaluateScript').reduce((a, x) => a + (x.dur ?? 0), 0)
      const main = mains.sort((a, b) => work(b) - work(a))[0]
      const mine = events.filter((e) => main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur)
      const sum: Record<string, number> = {}
      for (const e of mine) if (NAMES.includes(e.name)) sum[e.name] = (sum[e.name] ?? 0) + e.dur! / 1000
      const scripts = mine.filter((e) => e.name === 'FunctionCall' || e.name === 'EvaluateScript' || e.name === 'TimerFire' || e.name === 'FireAnimationFrame')
      const inside = (e: any) => scripts.some((s: any) => s.ts <= e.ts && e.ts < s.ts + s.dur)
      for (const kind of ['Layout', 'UpdateLayoutTree']) {
        const all = mine.filter((e) => e.name === kind)
        const forced = all.filter(inside)
        sum[kind + ' count'] = all.length
        sum[kind + ' forced ms'] = forced.reduce((a, e) => a + e.dur! / 1000, 0)
        for (const e of forced) {
          const st = (e as any).args?.beginData?.stackTrace?.[0]
          const key = `${kind} forced by ${st ? `${st.functionName || '(anon)'} ${String(st.url).replace(/^.*\/_next\/static\//, '')}:${st.lineNumber}:${st.columnNumber}` : '?'}`
          forcedBy[url] ??= {}
          forcedBy[url][key] = (forcedBy[url][key] ?? 0) + e.dur! / 1000 / runs
        }
      }
      const tasks = mine.filter((e) => e.name === 'RunTask')
      sum['tasks total'] = tasks.reduce((a, e) => a + e.dur! / 1000, 0)
      sum['blocking (>50ms, past 50)'] = tasks.reduce((a, e) => a + Math.max(0, e.dur! / 1000 - 50), 0)
      sum['long tasks'] = tasks.filter((e) => e.dur! / 1000 > 50).length
      const html = await page.evaluate(() => document.documentElement.outerHTML.length)
      sum['DOM elements'] = await page.evaluate(() => document.querySelectorAll('*').length)
      sum['HTML KB'] = html / 1024
      const row = (out[url] ??= {})
      for (const [k, v] of Object.entries(sum)) (row[k] ??= []).push(v)
      await context.close()
    }
  }
  await browser.close()
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
  const keys = [...new Set(Object.values(out).flatMap((r) => Object.keys(r)))]
  console.log(['kind (median ms)', ...urls.map((u) => new URL(u).port + new URL(u).pathname)].join(' | '))
  for (const [u, m] of Object.entries(forcedBy)) { console.log('== forced, ms per load: ' + u); for (const [k, v] of Object.entries(m).sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`${v.toFixed(0).padStart(6)} ${k}`) }
  for (const k of keys) console.log([k, ...urls.map((u) => (out[u][k] ? med(out[u][k]).toFixed(0) : '-'))].join(' | '))
}
main()
