// The timing phase: the same request sequences from Node (so Chromium's own cost stays out of the figures),
// sequential and with concurrent clients. Per update: the server's handler time (Server-Timing app;dur,
// summed over the update's requests) and the round trip as this client saw it.
import { Client, type Reply } from '../../tests/support/client'
import { REPLAYS, STRATEGY_IDS, mutate, type StrategyId } from './strategies'

export interface Sample {
  serverMs: number
  roundTripMs: number
}

const appDuration = (reply: Reply) => Number(/app;dur=([\d.]+)/.exec(reply.headers.get('server-timing') ?? '')?.[1] ?? NaN)

async function timedUpdate(c: Client, strategy: StrategyId): Promise<Sample> {
  const mutation = await mutate(c)
  const start = performance.now()
  const replies = await REPLAYS[strategy](c, mutation)
  const roundTripMs = performance.now() - start
  const bad = replies.find((r) => r.status >= 500)
  if (bad) throw new Error(`${strategy}: HTTP ${bad.status} ${bad.text}`)
  return { serverMs: replies.reduce((sum, r) => sum + appDuration(r), 0), roundTripMs }
}

async function signedIn(base: string): Promise<Client> {
  const c = new Client(base)
  await c.signInGuest('Bench')
  return c
}

/** Round-robin over the strategies, one client each, so drift on a noisy machine hits them all alike. */
export async function sequential(base: string, runs: number, warmup: number): Promise<Record<StrategyId, Sample[]>> {
  const clients = Object.fromEntries(await Promise.all(STRATEGY_IDS.map(async (s) => [s, await signedIn(base)]))) as Record<StrategyId, Client>
  const samples = Object.fromEntries(STRATEGY_IDS.map((s) => [s, [] as Sample[]])) as Record<StrategyId, Sample[]>
  for (let i = 0; i < warmup + runs; i++) {
    for (const strategy of STRATEGY_IDS) {
      const sample = await timedUpdate(clients[strategy], strategy)
      if (i >= warmup) samples[strategy].push(sample)
    }
  }
  return samples
}

/** `clients` signed-in clients updating at once, `perClient` updates each, one strategy at a time. */
export async function concurrent(base: string, clients: number, perClient: number): Promise<Record<StrategyId, Sample[]>> {
  const samples = {} as Record<StrategyId, Sample[]>
  for (const strategy of STRATEGY_IDS) {
    const pool = await Promise.all(Array.from({ length: clients }, () => signedIn(base)))
    await Promise.all(pool.map((c) => timedUpdate(c, strategy))) // warm-up
    const runs = await Promise.all(
      pool.map(async (c) => {
        const mine: Sample[] = []
        for (let i = 0; i < perClient; i++) mine.push(await timedUpdate(c, strategy))
        return mine
      }),
    )
    samples[strategy] = runs.flat()
  }
  return samples
}
