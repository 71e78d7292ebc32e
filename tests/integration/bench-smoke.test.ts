// `npm run bench` with tiny iteration counts against the production build, so a strategy that stops working (as the
// naive one did when the demo API began refusing its sessions) fails CI, not the next person who measures. Every
// phase runs: Chromium's trace of each strategy, the Node replays (which must match it), sequential, concurrent and
// the network-like run. The figures themselves mean nothing at these counts; only that each strategy completes.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { hasBrowser } from '../../e2e/support/browser'
import { runBench } from '../support/run-bench'
import { assertCurrentBuild } from '../support/server'

const out = mkdtempSync(join(tmpdir(), 'sul-bench-'))
afterAll(() => rmSync(out, { recursive: true, force: true }))

it.skipIf(!hasBrowser)('npm run bench: every strategy runs, in Chromium and in the Node replay, and the naive one only forges its own cookie', async () => {
  assertCurrentBuild()
  const { code, output } = await runBench('bench/run.ts', {
    BENCH_RUNS: '2',
    BENCH_WARMUP: '1',
    BENCH_CLIENTS: '2',
    BENCH_PER_CLIENT: '1',
    BENCH_NET_RUNS: '1',
    BENCH_RTT_MS: '10',
    BENCH_BROWSER_RUNS: '1',
    BENCH_RESULTS_DIR: out,
  })
  expect(code, output).toBe(0)
  expect(output).not.toMatch(/^! /m) // a Node replay that differs from what Chromium sent

  const json = JSON.parse(readFileSync(join(out, readdirSync(out).find((f) => f.endsWith('.json'))!), 'utf8'))
  const strategies = ['update', 'ticket', 'naive', 'relogin']
  expect(Object.keys(json.cost).sort()).toEqual([...strategies].sort())
  for (const id of strategies) {
    expect(json.replaysMatch[id], id).toBe(true)
    // Every request of every update answered below 400 in Chromium.
    for (const line of json.cost[id].sequence as string[]) expect(Number(line.split(' ').pop()), `${id}: ${line}`).toBeLessThan(400)
    expect(json.sequential[id].n).toBe(2)
    expect(json.concurrent[id].n).toBe(2)
  }
  // The naive pass-through: the four requests of a sign-in, no database read (it trusts the browser).
  expect(json.cost.naive).toMatchObject({ requests: 4, dbReads: 0 })
}, 180_000)
