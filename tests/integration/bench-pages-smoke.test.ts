// `npm run bench:pages` with one Lighthouse run of one page against the production build, so a bench that stops
// working (a reference that no longer builds or serves, a table that no longer adds up) fails CI, not the next person
// who measures (issue 26). The figures mean nothing at one run on a busy machine; only that every part completes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { hasBrowser } from '../../e2e/support/browser'
import { runBench } from '../support/run-bench'
import { assertCurrentBuild } from '../support/server'

const out = mkdtempSync(join(tmpdir(), 'sul-bench-pages-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

it.skipIf(!hasBrowser)('npm run bench:pages: the page against the bare baseline and the baseline with the site headers', async () => {
  assertCurrentBuild()
  const { code, output } = await runBench('bench/pages.ts', { BENCH_LIGHTHOUSE_RUNS: '1', BENCH_PATHS: '/', BENCH_RESULTS_DIR: out })
  expect(code, output.slice(-4000)).toBe(0)

  const files = readdirSync(out)
  const json = JSON.parse(readFileSync(join(out, files.find((f) => f.endsWith('.json'))!), 'utf8'))
  expect(Object.keys(json.lighthouse).sort()).toEqual(['mobile /', 'mobile baseline', 'mobile baseline+headers'])
  for (const [key, result] of Object.entries(json.lighthouse) as [string, { scores: { performance: number }; totalBlockingTimeMs: number }][]) {
    expect(result.scores.performance, key).toBeGreaterThan(0)
    expect(Number.isFinite(result.totalBlockingTimeMs), key).toBe(true)
  }
  const markdown = readFileSync(join(out, files.find((f) => f.endsWith('.md'))!), 'utf8')
  expect(markdown).toMatch(/\| mobile \| bare Nextra page \(baseline\) \|/)
  expect(markdown).toMatch(/\| mobile \| bare Nextra page \+ the site's headers \|/)
  expect(markdown).toMatch(/\| mobile \| `\/` \| \d+ \| \d+ \| [+-]\d+ \| [\d.]+× \| [+-]\d+ \| [\d.]+× \|/)
}, 600_000)
