// The network-like run: the same updates through a delaying TCP proxy on loopback, so every request costs a
// real round trip (default 40 ms: 20 ms each way, applied to every chunk, in order). On localhost the strategies
// differ by round trips that cost almost nothing; here they cost what they cost on a network.
// Timed: from the start of the mutation until the cookie jar holds the new claims (checked after the clock stops).
import { createServer, connect, type Server, type Socket } from 'node:net'
import { Client } from '../../tests/support/client'
import { median, percentile, round } from './stats'
import { REPLAYS } from './strategies'

type Id = 'update' | 'ticket' | 'naive' | 'response'
const IDS: Id[] = ['update', 'response', 'ticket', 'naive']
const LABELS: Record<Id, string> = {
  update: 'mutation + built-in update()',
  response: 'in the mutation’s response (one request)',
  ticket: 'mutation + hardened pass-through (ticket)',
  naive: 'mutation + naive pass-through (vulnerable)',
}

/** A TCP proxy that holds every chunk `oneWayMs` before passing it on, in both directions, keeping order. */
export async function delayingProxy(targetPort: number, oneWayMs: number): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>()
  const pipe = (from: Socket, to: Socket) => {
    let queue = Promise.resolve()
    from.on('data', (chunk) => {
      const due = Date.now() + oneWayMs
      queue = queue.then(() => new Promise<void>((r) => setTimeout(() => (to.destroyed || to.write(chunk), r()), Math.max(0, due - Date.now()))))
    })
    from.on('end', () => void queue.then(() => to.end()))
    from.on('error', () => to.destroy())
  }
  const server: Server = createServer((client) => {
    const upstream = connect(targetPort, '127.0.0.1')
    for (const s of [client, upstream]) sockets.add(s), s.on('close', () => sockets.delete(s))
    pipe(client, upstream)
    pipe(upstream, client)
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r))
  return {
    port: (server.address() as { port: number }).port,
    close: () => new Promise<void>((r) => (sockets.forEach((s) => s.destroy()), server.close(() => r()))),
  }
}

/** One update, timed from the mutation's start; returns ms, the requests it took, and the refetch useSession() needs. */
async function once(base: string, id: Id) {
  const c = new Client(base)
  await c.signInGuest('Bench')
  const start = performance.now()
  const from = c.log.length
  if (id === 'response') {
    const reply = await c.complete({ goal: 'learn', strategy: 'response' })
    if (reply.status !== 200) throw new Error(`response: ${reply.status} ${reply.text}`)
  } else {
    const reply = await c.complete({ goal: 'learn' }) // the mutation alone (bench/strategies.ts mutate() also reads the token first)
    if (reply.status !== 200) throw new Error(`mutation: ${reply.status} ${reply.text}`)
    await REPLAYS[id](c, reply.json)
  }
  const ms = performance.now() - start
  const requests = c.log.length - from
  const refetchStart = performance.now()
  const session = await c.session() // getSession(): what useSession() needs after a server-side update
  const refetchMs = performance.now() - refetchStart
  if (session?.user?.onboardingStep !== 'COMPLETED') throw new Error(`${id}: the cookie does not hold the new claims`)
  return { ms, requests, refetchMs }
}

export async function networkRun(serverPort: number, rttMs: number, runs: number) {
  const proxy = rttMs > 0 ? await delayingProxy(serverPort, rttMs / 2) : null
  const base = `http://localhost:${proxy?.port ?? serverPort}`
  try {
    const samples = Object.fromEntries(IDS.map((id) => [id, [] as Awaited<ReturnType<typeof once>>[]])) as Record<Id, Awaited<ReturnType<typeof once>>[]>
    for (let i = 0; i < runs + 2; i++) {
      for (const id of IDS) {
        const s = await once(base, id)
        if (i >= 2) samples[id].push(s) // two warm-up rounds
      }
    }
    return Object.fromEntries(
      IDS.map((id) => {
        const s = samples[id]
        return [id, { requests: median(s.map((x) => x.requests)), median: round(median(s.map((x) => x.ms)), 1), p95: round(percentile(s.map((x) => x.ms), 95), 1), refetch: round(median(s.map((x) => x.refetchMs)), 1), n: s.length }]
      }),
    ) as Record<Id, { requests: number; median: number; p95: number; refetch: number; n: number }>
  } finally {
    await proxy?.close()
  }
}

export function networkTable(title: string, r: Awaited<ReturnType<typeof networkRun>>) {
  const b = r.update.median
  return [
    `### ${title}`,
    '',
    '| strategy | requests (mutation included) | requests after the mutation | ms until the cookie holds the new claims, median | p95 | ratio to mutation + update() | runs |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...IDS.map((id) => `| ${LABELS[id]} | ${r[id].requests} | ${r[id].requests - 1} | ${r[id].median} | ${r[id].p95} | ${(r[id].median / b).toFixed(2)}× | ${r[id].n} |`),
    '',
    `Then, for useSession() after the one-request update: getSession() (GET /api/auth/session), 1 request, median ${r.response.refetch} ms — not needed to change the cookie; it refreshes this tab's useSession() and, by broadcast, the others.`,
  ].join('\n')
}
