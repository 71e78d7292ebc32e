// npm run bench: what each session-update strategy costs, against the production build on a local port.
// Requests, bytes and DB reads come from Chromium running the real next-auth/react client; times come from
// Node replaying the same requests, sequential and concurrent, with the built-in update() as the baseline.
// Writes bench-results/bench-<date>.{md,json} (git-ignored) and prints the Markdown.
import { spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, writeFileSync } from 'node:fs'
import { Client } from '../tests/support/client'
import { startServer } from '../tests/support/server'
import { traceStrategies, type BrowserTrace } from './lib/browser-trace'
import { machine, median, percentile, round } from './lib/stats'
import { BASELINE, REPLAYS, STRATEGY_IDS, STRATEGY_LABELS, mutate, type StrategyId } from './lib/strategies'
import { networkRun, networkTable } from './lib/network'
import { concurrent, sequential, type Sample } from './lib/timing'

const RUNS = Number(process.env.BENCH_RUNS ?? 200)
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20)
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 16)
const PER_CLIENT = Number(process.env.BENCH_PER_CLIENT ?? 20)
const NET_RUNS = Number(process.env.BENCH_NET_RUNS ?? 30)
const RTT_MS = Number(process.env.BENCH_RTT_MS ?? 40)
const BROWSER_RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 3)
// Where the tables and raw figures go (git-ignored); the CI smoke run (tests/integration/bench-smoke.test.ts) uses a temp dir.
const OUT = process.env.BENCH_RESULTS_DIR ?? 'bench-results'

/** Mutation to new cookie, per strategy incl. the one-request update: on localhost, then through a delaying proxy. */
async function networkSection(port: number) {
  console.log(`network-like: ${NET_RUNS} updates per strategy on localhost, then at ${RTT_MS} ms RTT…`)
  const local = await networkRun(port, 0, NET_RUNS)
  const remote = await networkRun(port, RTT_MS, NET_RUNS)
  return [
    networkTable('From the mutation to the new cookie, localhost', local),
    '',
    networkTable(`From the mutation to the new cookie, ${RTT_MS} ms round trip (delaying proxy on loopback)`, remote),
  ].join('\n')
}

async function replayMatchesBrowser(base: string, strategy: StrategyId, trace: BrowserTrace): Promise<boolean> {
  const c = new Client(base)
  await c.signInGuest('Bench')
  const m = await mutate(c)
  const from = c.log.length
  await REPLAYS[strategy](c, m)
  const node = c.log.slice(from).map((r) => `${r.method} ${r.path}`)
  const browser = trace.requests.map((r) => `${r.method} ${r.path}`)
  const same = JSON.stringify(browser) === JSON.stringify(node)
  if (!same) console.warn(`! ${strategy}: the Node replay (${node.join(', ')}) differs from Chromium (${browser.join(', ')})`)
  return same
}

function summary(samples: Sample[]) {
  const server = samples.map((s) => s.serverMs)
  const trip = samples.map((s) => s.roundTripMs)
  return {
    n: samples.length,
    serverMedian: round(median(server)),
    serverP95: round(percentile(server, 95)),
    roundTripMedian: round(median(trip)),
    roundTripP95: round(percentile(trip, 95)),
  }
}
type Summary = ReturnType<typeof summary>

const ratio = (value: number, baseline: number) => `${(value / baseline).toFixed(2)}×`

function timeRows(title: string, s: Record<StrategyId, Summary>) {
  const b = s[BASELINE]
  const rows = STRATEGY_IDS.map((id) => {
    const x = s[id]
    return `| ${STRATEGY_LABELS[id]} | ${x.serverMedian} (${ratio(x.serverMedian, b.serverMedian)}) | ${x.serverP95} (${ratio(x.serverP95, b.serverP95)}) | ${x.roundTripMedian} (${ratio(x.roundTripMedian, b.roundTripMedian)}) | ${x.roundTripP95} (${ratio(x.roundTripP95, b.roundTripP95)}) | ${x.n} |`
  })
  return [
    `### ${title}`,
    '',
    '| strategy | server ms, median | server ms, p95 | round trip ms, median | round trip ms, p95 | updates |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n')
}

async function main() {
  if (!existsSync('.next/BUILD_ID')) spawnSync(process.execPath, ['scripts/serve.mjs', 'build'], { stdio: 'inherit' })
  const started = new Date()
  const server = await startServer()
  try {
    console.log(`bench against ${server.url} (production build)`)
    if (process.env.BENCH_ONLY === 'network') return void console.log(`\n${await networkSection(server.port)}`)
    const { browser, traces } = await traceStrategies(server.url, BROWSER_RUNS)
    const cost = Object.fromEntries(
      STRATEGY_IDS.map((id) => {
        const runs = traces[id]
        return [
          id,
          {
            requests: median(runs.map((r) => r.requests.length)),
            sequence: runs[0].requests.map((r) => `${r.method} ${r.path} ${r.status}`),
            sent: median(runs.map((r) => r.sent)),
            received: median(runs.map((r) => r.received)),
            dbReads: median(runs.map((r) => r.dbReads)),
          },
        ]
      }),
    ) as Record<StrategyId, { requests: number; sequence: string[]; sent: number; received: number; dbReads: number }>
    const replaysMatch = Object.fromEntries(
      await Promise.all(STRATEGY_IDS.map(async (id) => [id, await replayMatchesBrowser(server.url, id, traces[id][0])])),
    )

    console.log(`sequential: ${WARMUP} warm-up + ${RUNS} updates per strategy…`)
    const seq = await sequential(server.url, RUNS, WARMUP)
    console.log(`concurrent: ${CLIENTS} clients × ${PER_CLIENT} updates per strategy…`)
    const conc = await concurrent(server.url, CLIENTS, PER_CLIENT)
    const seqSummary = Object.fromEntries(STRATEGY_IDS.map((id) => [id, summary(seq[id])])) as Record<StrategyId, Summary>
    const concSummary = Object.fromEntries(STRATEGY_IDS.map((id) => [id, summary(conc[id])])) as Record<StrategyId, Summary>

    const network = await networkSection(server.port)
    const host = { ...machine(), browser, date: started.toISOString() }
    const markdown = [
      `## Session update strategies: measured ${host.date.slice(0, 10)}`,
      '',
      `Machine: ${host.cpu}, ${host.memoryGb} GB, ${host.os}, Node ${host.node}, ${host.browser}. Production build on localhost.`,
      `Ratios are to the built-in update() in the same run; absolute times on a shared machine vary from run to run.`,
      '',
      '### What one update costs (Chromium, real next-auth/react client)',
      '',
      '| strategy | requests | bytes sent | bytes received | DB reads | requests made |',
      '| --- | ---: | ---: | ---: | ---: | --- |',
      ...STRATEGY_IDS.map((id) => {
        const c = cost[id]
        return `| ${STRATEGY_LABELS[id]} | ${c.requests} | ${c.sent} | ${c.received} | ${c.dbReads} | ${c.sequence.join(', ')} |`
      }),
      '',
      timeRows(`Time per update, sequential (${RUNS} updates after ${WARMUP} warm-up)`, seqSummary),
      '',
      timeRows(`Time per update, ${CLIENTS} concurrent clients (${PER_CLIENT} updates each)`, concSummary),
      '',
      'Server ms: the handlers\' own time (Server-Timing app;dur) summed over the update\'s requests. Round trip: as a local',
      'Node client saw the whole update. The mutation before each update is not timed. "Sign out and in again" signs in a',
      'new guest (the guest provider makes a user per sign-in); an OAuth sign-in would add the provider\'s round trips.',
      '',
      network,
    ].join('\n')

    mkdirSync(OUT, { recursive: true })
    const stamp = host.date.replace(/[:.]/g, '-')
    writeFileSync(`${OUT}/bench-${stamp}.md`, `${markdown}\n`)
    writeFileSync(
      `${OUT}/bench-${stamp}.json`,
      JSON.stringify({ host, settings: { RUNS, WARMUP, CLIENTS, PER_CLIENT }, cost, replaysMatch, sequential: seqSummary, concurrent: concSummary, traces }, null, 2),
    )
    console.log(`\n${markdown}\n\nWritten: ${OUT}/bench-${stamp}.md and .json`)
  } finally {
    await server.stop({ clean: true })
  }
}

main().catch((error) => {
  console.error(error)
  process.exit(1)
})
