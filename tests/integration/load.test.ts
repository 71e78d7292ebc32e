// 32 readers at once, for 15 s, against one production server: sign in, complete onboarding, update the
// session (alternately with the ticket and the built-in update()). No 5xx, every session ends COMPLETED,
// and the SQLite file is intact afterwards.
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { Client } from '../support/client'
import { startServer, type TestServer } from '../support/server'

const CLIENTS = 32
const DURATION_MS = 15_000

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server?.stop({ clean: true })
})

/** One reader's whole journey; returns the client so its request log can be checked. */
async function journey(index: number): Promise<{ client: Client; step: unknown }> {
  const client = new Client(server.url)
  await client.signInGuest(`Load ${index}`)
  const done = await client.complete({ goal: 'ship' })
  expect(done.status).toBe(200)
  if (index % 2 === 0) {
    const reply = await client.callback('session-update', { ticket: done.json.ticket })
    expect(reply.error).toBeNull()
  } else {
    expect((await client.update()).status).toBe(200)
  }
  return { client, step: (await client.claims())?.onboardingStep }
}

it(`${CLIENTS} concurrent readers for ${DURATION_MS / 1000} s: no 5xx, every session COMPLETED, database intact`, { timeout: 60_000 }, async () => {
  const deadline = Date.now() + DURATION_MS
  const journeys = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, worker) => {
      const mine: { client: Client; step: unknown }[] = []
      for (let i = 0; Date.now() < deadline; i++) mine.push(await journey(worker * 1000 + i))
      return mine
    }),
  ).then((all) => all.flat())

  const requests = journeys.flatMap((j) => j.client.log)
  const serverErrors = requests.filter((r) => r.status >= 500)
  expect(serverErrors).toEqual([])
  expect(journeys.filter((j) => j.step !== 'COMPLETED')).toEqual([])
  expect(journeys.length).toBeGreaterThanOrEqual(CLIENTS)
  console.log(`load: ${journeys.length} journeys, ${requests.length} requests in ${DURATION_MS / 1000} s`)

  await server.stop()
  const db = new Database(join(server.dataDir, 'demo.sqlite'), { readonly: true })
  try {
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok')
    const counts = db.prepare(`SELECT count(*) AS users, sum(onboarding_step = 'COMPLETED') AS completed FROM users`).get() as Record<string, number>
    expect(counts).toEqual({ users: journeys.length, completed: journeys.length })
  } finally {
    db.close()
  }
})
