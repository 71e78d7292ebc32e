// npm run bench:starters — the three starters side by side on this machine, each built as a reader builds it
// (tests/starters/support: the zip, `npm ci --offline`, `npm run build`, shared with the contract suite) and started
// in production mode behind the bench's delaying proxy (BENCH_RTT_MS, default 40 ms, as bench/run.ts).
// Writes bench/results/starters.json, which the guide's Better Auth chapter renders (components/StartersBench).
import { mkdirSync, writeFileSync } from 'node:fs'
import { loadavg } from 'node:os'
import { join } from 'node:path'
import { launch } from '../e2e/support/browser'
import { preparedStarter } from '../tests/starters/support/starter'
import { authCodeLines } from './starters/auth-files'
import { STARTERS, measureStarter, type StarterFigures, type StarterName } from './starters/measure'
import { machine, round } from './lib/stats'

const RTT_MS = Number(process.env.BENCH_RTT_MS ?? 40)
const RUNS = Number(process.env.BENCH_RUNS ?? 10)
const CACHE_MAX_AGE = 60 // Better Auth's starter default (SESSION_CACHE_MAX_AGE)
const NEXT_AUTH_REVOCATION_CAP_MS = 15_000 // a JWT passes for its maxAge (30 days): waiting longer proves nothing

export type StartersResult = Awaited<ReturnType<typeof benchStarters>>

export async function benchStarters(options: { rttMs: number; runs: number; cacheMaxAge: number; nextAuthCapMs: number }) {
  const browser = await launch()
  const starters = {} as Record<StarterName, StarterFigures & { authCodeLines: ReturnType<typeof authCodeLines>; ratioToV5?: number }>
  const loadBefore = loadavg()
  try {
    for (const name of STARTERS) {
      const { dir } = preparedStarter(name)
      console.log(`${name}: measuring (${options.runs} updates at ${options.rttMs} ms RTT)…`)
      const revocationCapMs = name === 'better-auth' ? (options.cacheMaxAge + 10) * 1000 : options.nextAuthCapMs
      const figures = await measureStarter(name, dir, browser, { rttMs: options.rttMs, runs: options.runs, revocationCapMs, cacheMaxAge: options.cacheMaxAge })
      starters[name] = { ...figures, authCodeLines: authCodeLines(dir, name) }
    }
  } finally {
    await browser.close()
  }
  for (const name of STARTERS) starters[name].ratioToV5 = round(starters[name].mutationToGateMs / starters['authjs-v5'].mutationToGateMs, 2)
  return {
    date: new Date().toISOString(),
    rttMs: options.rttMs,
    runs: options.runs,
    machine: machine(),
    loadAverage: { before: loadBefore.map((l) => round(l)), after: loadavg().map((l) => round(l)) },
    starters,
  }
}

if (process.argv[1]?.endsWith('starters.ts')) {
  benchStarters({ rttMs: RTT_MS, runs: RUNS, cacheMaxAge: CACHE_MAX_AGE, nextAuthCapMs: NEXT_AUTH_REVOCATION_CAP_MS }).then(
    (result) => {
      const out = join(__dirname, 'results', 'starters.json')
      mkdirSync(join(__dirname, 'results'), { recursive: true })
      writeFileSync(out, JSON.stringify(result, null, 2) + '\n')
      console.log(JSON.stringify(result, null, 2))
      console.log(`written: ${out}`)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
