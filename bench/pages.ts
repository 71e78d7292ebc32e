// npm run bench:pages: page weight and Lighthouse for the production build.
// 1. First-load JS (gzip) of every route, and its ratio to the lightest site page of the same build.
// 2. Lighthouse, mobile and desktop, median of 3 runs, on the landing page, a chapter, /demo, the lab page
//    (when this build has one) and the lightest page, all in the same run.
// Writes bench-results/pages-<date>.{md,json} (git-ignored) and prints the Markdown.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { startServer } from '../tests/support/server'
import { CATEGORIES, audit, startChromium, type FormFactor, type LighthouseRun } from './lib/lighthouse'
import { routeWeights } from './lib/page-weight'
import { machine, median } from './lib/stats'

const RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 3)
// BENCH_FORM_FACTORS=mobile for the harder half only; BENCH_PAGES=all audits every page of the site (MDX chapters,
// /demo pages, /lab), not just the four below: issue 11's goal is every page within 5 points of `/`.
const FORM_FACTORS = (process.env.BENCH_FORM_FACTORS ?? 'mobile,desktop').split(',') as FormFactor[]
const ALL_PAGES = process.env.BENCH_PAGES === 'all'
// BENCH_PATHS=/,/lab,... chooses the pages (comma-separated); BENCH_PAGES=all adds every page.
const WANTED = process.env.BENCH_PATHS?.split(',') ?? ['/', '/guide/the-problem', '/demo', '/lab']
const kb = (bytes: number) => (bytes / 1024).toFixed(1)

const isAuditable = (route: string) => !/\[|(^|\/)_|^\/(api\/|404$|500$|bench$)/.test(route)

function medianRun(runs: LighthouseRun[]) {
  return {
    scores: Object.fromEntries(CATEGORIES.map((c) => [c, median(runs.map((r) => r.scores[c]))])),
    benchmarkIndex: median(runs.map((r) => r.benchmarkIndex)),
    totalBlockingTimeMs: median(runs.map((r) => r.totalBlockingTimeMs)),
    failing: [...new Set(runs.flatMap((r) => r.failing))],
  }
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) spawnSync(process.execPath, ['scripts/serve.mjs', 'build'], { stdio: 'inherit' })
  const date = new Date().toISOString()
  const weights = routeWeights()
  const lightest = weights.find((w) => w.sitePage && isAuditable(w.route))!
  const weightRows = weights.map(
    (w) => `| \`${w.route}\` | ${kb(w.gzipBytes)} | ${(w.gzipBytes / lightest.gzipBytes).toFixed(3)}× | ${w.sitePage ? '' : 'not a site page'} | ${w.heavy.join(', ') || '–'} |`,
  )

  const routes = new Set(weights.map((w) => w.route))
  const missing = WANTED.filter((p) => !routes.has(p))
  // Pages a visitor opens by URL: no dynamic route pattern, no _meta or internal page; gated demo pages redirect a
  // signed-out Lighthouse to /demo, so they measure the sign-in page (said in the table's note).
  const everyPage = weights.filter((w) => isAuditable(w.route)).map((w) => w.route)
  const audited = [...new Set([...WANTED.filter((p) => routes.has(p)), lightest.route, ...(ALL_PAGES ? everyPage : [])])]
  for (const p of missing) console.warn(`! ${p} is not a route of this build: skipped`)

  const server = await startServer()
  const chromium = await startChromium()
  const runs: Record<string, LighthouseRun[]> = {}
  try {
    // Run by run over every page and setting, so drift on a noisy machine hits them all alike.
    for (let i = 0; i < RUNS; i++) {
      for (const formFactor of FORM_FACTORS) {
        for (const path of audited) {
          const key = `${formFactor} ${path}`
          console.log(`lighthouse ${i + 1}/${RUNS} ${key}`)
          ;(runs[key] ??= []).push(await audit(chromium, server.url + path, formFactor))
        }
      }
    }
  } finally {
    await chromium.close()
    await server.stop({ clean: true })
  }

  const results = Object.fromEntries(Object.entries(runs).map(([key, r]) => [key, medianRun(r)]))
  const lighthouseRows = FORM_FACTORS.flatMap((formFactor) => {
    const base = results[`${formFactor} ${lightest.route}`].scores.performance
    const home = results[`${formFactor} /`]?.scores.performance
    const signed = (n: number) => `${n >= 0 ? '+' : ''}${n}`
    return audited.map((path) => {
      const r = results[`${formFactor} ${path}`]
      const s = r.scores
      const delta = s.performance - base
      const vsHome = home === undefined ? '–' : `${signed(s.performance - home)}${s.performance - home < -5 ? ' ✗' : ''}`
      return `| ${formFactor} | \`${path}\`${path === lightest.route ? ' (lightest)' : ''} | ${s.performance} (${signed(delta)}) | ${vsHome} | ${s.accessibility} | ${s['best-practices']} | ${s.seo} | ${r.totalBlockingTimeMs} | ${r.benchmarkIndex} | ${r.failing.join(', ') || '–'} |`
    })
  })
  const host = { ...machine(), date }
  const markdown = [
    `## Page weight and Lighthouse: measured ${date.slice(0, 10)}`,
    '',
    `Machine: ${host.cpu}, ${host.memoryGb} GB, ${host.os}, Node ${host.node}. Production build on localhost.`,
    '',
    `### First-load JavaScript (gzip), every route; ratio to the lightest site page (\`${lightest.route}\`)`,
    '',
    '| route | KiB | ratio | note | heavy libraries in first load |',
    '| --- | ---: | ---: | --- | --- |',
    ...weightRows,
    '',
    `### Lighthouse 12.2.3, median of ${RUNS} runs (performance: points against the lightest page in brackets)`,
    '',
    '| settings | page | performance | vs `/` (✗ under −5) | accessibility | best practices | SEO | TBT ms | benchmarkIndex | audits losing points |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |',
    ...lighthouseRows,
    ...(missing.length ? ['', `Not in this build, so not audited: ${missing.map((p) => `\`${p}\``).join(', ')}.`] : []),
  ].join('\n')

  mkdirSync('bench-results', { recursive: true })
  const stamp = date.replace(/[:.]/g, '-')
  writeFileSync(`bench-results/pages-${stamp}.md`, `${markdown}\n`)
  writeFileSync(`bench-results/pages-${stamp}.json`, JSON.stringify({ host, lightest: lightest.route, weights, missing, lighthouse: results, runs }, null, 2))
  console.log(`\n${markdown}\n\nWritten: bench-results/pages-${stamp}.md and .json`)
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
