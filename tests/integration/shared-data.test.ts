// Servers that share a DATA_DIR (one SQLite file, one generated secret), and a server restart in the middle of
// an update: the session must stay valid and the update must complete, with either strategy.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client } from '../support/client'
import { startServer, tempDataDir, type TestServer } from '../support/server'

/** The same browser talking to another server: cookies are per host, not per port, so the jar carries over. */
function sameBrowser(client: Client, server: TestServer): Client {
  const other = new Client(server.url)
  for (const [name, value] of client.jar) other.jar.set(name, value)
  return other
}

describe('two servers, one DATA_DIR', () => {
  let a: TestServer
  let b: TestServer
  beforeAll(async () => {
    a = await startServer()
    b = await startServer({ dataDir: a.dataDir })
  })
  afterAll(async () => {
    await b?.stop()
    await a?.stop({ clean: true })
  })

  it('a session signed in and mutated on one is updated through the other (update() and ticket)', async () => {
    for (const strategy of ['update', 'ticket'] as const) {
      const onA = new Client(a.url)
      await onA.signInGuest('Shared')
      const done = await onA.complete()
      expect(done.status).toBe(200)
      const onB = sameBrowser(onA, b)
      if (strategy === 'update') expect((await onB.update()).status).toBe(200)
      else expect((await onB.callback('session-update', { ticket: done.json.ticket })).error).toBeNull()
      expect(await onB.claims()).toMatchObject({ onboardingStep: 'COMPLETED', ver: 2 })
      // And the cookie B wrote is honoured by A, gate included.
      const backOnA = sameBrowser(onB, a)
      expect(await backOnA.claims()).toMatchObject({ onboardingStep: 'COMPLETED', ver: 2 })
      expect((await backOnA.request('/demo/explore')).status, strategy).toBe(200)
    }
  })
})

describe('a restart between the mutation and the update', () => {
  const dataDir = tempDataDir()
  let server: TestServer
  afterAll(async () => {
    await server?.stop({ clean: true })
  })

  it('keeps the session valid and completes the update, with update() and with a ticket issued before it', async () => {
    server = await startServer({ dataDir })
    const viaUpdate = new Client(server.url)
    await viaUpdate.signInGuest('Restart')
    expect((await viaUpdate.complete()).status).toBe(200)
    const viaTicket = new Client(server.url)
    await viaTicket.signInGuest('Restart')
    const { ticket } = (await viaTicket.complete()).json

    await server.stop()
    server = await startServer({ dataDir })

    for (const [client, apply] of [
      [sameBrowser(viaUpdate, server), (c: Client) => c.update()],
      [sameBrowser(viaTicket, server), (c: Client) => c.callback('session-update', { ticket })],
    ] as const) {
      expect(await client.claims()).toMatchObject({ onboardingStep: 'INITIAL', ver: 1 })
      const reply = await apply(client)
      expect(reply.status).toBe(200)
      expect(await client.claims()).toMatchObject({ onboardingStep: 'COMPLETED', ver: 2 })
      expect((await client.request('/demo/explore')).status).toBe(200)
    }
  })
})
