// The stale-cookie race (next-auth #9983): a GET /api/auth/session that set off before an update carries the
// OLD cookie. next-auth v4 re-encodes and re-sets whatever the jwt callback returns on every read
// (next-auth/core/routes/session.js:53-81), so when that GET is answered after the update, the browser stores
// the old token again and the update is undone. Reproduced deterministically with a cookie jar: the read is
// sent with the cookie the browser held when it set off, and its Set-Cookie is applied after the update's,
// as a browser applies responses in the order they arrive. Run for each of the demo's four strategies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Client, type Reply } from '../support/client'
import { startServer, type TestServer } from '../support/server'

let server: TestServer

beforeAll(async () => {
  server = await startServer()
})
afterAll(async () => {
  await server?.stop({ clean: true })
})

/** The four ways the demo changes the cookie after (or in) the mutation. */
const STRATEGIES: Record<string, (c: Client) => Promise<unknown>> = {
  ticket: async (c) => {
    const { json } = await c.complete({ goal: 'learn' })
    const reply = await c.callback('session-update', { ticket: json.ticket })
    expect(reply.error).toBeNull()
  },
  update: async (c) => {
    await c.complete({ goal: 'learn' })
    expect((await c.update()).json.user.onboardingStep).toBe('COMPLETED')
  },
  naive: async (c) => {
    const { json } = await c.complete({ goal: 'learn' })
    const reply = await c.callback('session-update-naive', { user: JSON.stringify(json.user) })
    expect(reply.error).toBeNull()
  },
  response: (c) => c.complete({ goal: 'learn', strategy: 'response' }),
}

/** A copy of the browser as it was when a request set off: the same cookies, sent later. */
function snapshot(c: Client) {
  const then = new Client(c.base)
  for (const [k, v] of c.jar) then.jar.set(k, v)
  return then
}

/** Applies a response's Set-Cookie lines to `c`'s jar, as the browser does when that response arrives. */
function arrive(c: Client, reply: Reply) {
  for (const line of reply.headers.getSetCookie()) {
    const [pair, ...attrs] = line.split(';')
    const name = pair.slice(0, pair.indexOf('=')).trim()
    const value = pair.slice(pair.indexOf('=') + 1).trim()
    if (value === '' || attrs.some((a) => /max-age=0/i.test(a))) c.jar.delete(name)
    else c.jar.set(name, value)
  }
}

describe.each(Object.keys(STRATEGIES))('strategy %s', (id) => {
  it('survives a session read that set off before the update and is answered after it', async () => {
    const c = new Client(server.url)
    await c.signInGuest('Racer')
    const polling = snapshot(c) // a SessionProvider poll, a focus refetch, another tab: the old cookie is on its way
    await STRATEGIES[id](c)
    expect((await c.claims())!.onboardingStep).toBe('COMPLETED')

    const late = await polling.request('/api/auth/session') // reaches the server after the update
    expect(late.headers.getSetCookie().length).toBeGreaterThan(0) // next-auth re-sets the cookie on every read
    arrive(c, late) // and the browser stores it last

    expect(late.json.user.onboardingStep).toBe('COMPLETED')
    expect((await c.claims())!.onboardingStep).toBe('COMPLETED')
    expect((await c.request('/demo/explore')).status).toBe(200)
    // The guard's price: one row read, only for a read that carried a token older than a recent write.
    expect(late.headers.get('x-db-reads')).toBe('1')
  })
})

describe('the guard costs nothing when there is no race', () => {
  it('a plain session read with a current token reads no row', async () => {
    const c = new Client(server.url)
    await c.signInGuest('Calm')
    await c.complete({ goal: 'learn', strategy: 'response' })
    const reply = await c.request('/api/auth/session')
    expect(reply.json.user.onboardingStep).toBe('COMPLETED')
    expect(reply.headers.get('x-db-reads')).toBe('0')
  })
})

describe('the window no server can close', () => {
  it('a read answered BEFORE the write but delivered after the update puts the old token back, until the next read repairs it', async () => {
    const c = new Client(server.url)
    await c.signInGuest('Late')
    const early = await snapshot(c).request('/api/auth/session') // answered with the old row: nothing is stale yet
    await c.complete({ goal: 'learn', strategy: 'response' })
    arrive(c, early) // but its bytes arrive after the mutation's (another connection, a slow network)
    expect((await c.claims())!.onboardingStep).toBe('INITIAL') // undone: the gate holds the user again
    expect((await c.request('/demo/explore')).status).toBe(307)
    // The next session read (useSession's mount on /demo/onboarding, a focus refetch) carries the old token,
    // which the guard sees is older than the write: it re-issues from the row.
    expect((await c.session()).user.onboardingStep).toBe('COMPLETED')
    expect((await c.request('/demo/explore')).status).toBe(200)
  })
})
