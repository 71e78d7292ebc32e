// Issue 11's first bullet: the ticket is bound to one session (a random `sid` minted at sign-in, carried by the
// jwt callback), and a ticket the session already holds is "already applied", a code the client takes as success.
// Also the one-cookie budget on update(). next-auth's real handler, in process.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Client } from '../support/client'
import { startApiServer, type ApiServer } from '../support/api-server'

// Each test drives next-auth's real handler over HTTP (several requests, JWE encryption): seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

let server: ApiServer
const client = () => new Client(server.url)

beforeAll(async () => {
  server = await startApiServer()
}, 60_000)
afterAll(() => server?.close())

describe('sid: minted at sign-in, carried by every update', () => {
  it('a guest sign-in mints a random sid; the ticket and update() keep it; a new sign-in gets another', async () => {
    const c = client()
    await c.signInGuest()
    const { sid } = (await c.claims())!
    expect(sid).toMatch(/^[0-9a-f-]{36}$/)
    const { ticket } = (await c.complete()).json
    expect(JSON.parse(Buffer.from(ticket.split('.')[1], 'base64url').toString()).sid).toBe(sid)
    expect((await c.callback('session-update', { ticket })).error).toBeNull()
    expect((await c.claims())!.sid).toBe(sid)
    await c.reset()
    await c.update()
    expect((await c.claims())!.sid).toBe(sid)
    await c.signInGuest()
    expect((await c.claims())!.sid).not.toBe(sid)
  })
})

describe('the hardened provider checks the sid', () => {
  it('refuses a ticket of the same user issued to another session (another device, an older saved cookie)', async () => {
    const phone = client()
    await phone.signInGuest('Same user')
    const phoneCookie = phone.jar.get('next-auth.session-token')!
    // The same user's second session: the row is the same, the sid is not (a copy of the cookie, re-minted).
    const laptop = client()
    laptop.jar.set('next-auth.session-token', phoneCookie)
    const { ticket } = (await laptop.complete()).json
    // Another sign-in of the same row: the restore provider re-mints it with a fresh sid.
    const other = client()
    other.jar.set('next-auth.session-token', phoneCookie)
    await other.callback('session-update-naive', { user: JSON.stringify({ id: 'anyone' }) })
    expect((await other.callback('session-restore', {})).error).toBeNull()
    const otherClaims = (await other.claims())!
    expect(otherClaims.ver).toBe(2)
    expect(otherClaims.sub).toBe((await phone.claims())!.sub)
    expect(otherClaims.sid).not.toBe((await phone.claims())!.sid)
    const reply = await other.callback('session-update', { ticket })
    expect(reply.status).toBe(401)
    expect(reply.error).toMatch(/another session of your user/)
    expect(await other.claims()).toEqual(otherClaims)
  })

  it('answers a ticket the session already holds (replay, or another tab went first) with the code TicketAlreadyApplied', async () => {
    const tabA = client()
    await tabA.signInGuest()
    const first = (await tabA.complete()).json.ticket // version 2
    const second = (await tabA.complete({ goal: 'ship' })).json.ticket // version 3, "the other tab"
    expect((await tabA.callback('session-update', { ticket: second })).error).toBeNull()
    const older = await tabA.callback('session-update', { ticket: first })
    expect(older.status).toBe(401)
    expect(older.error).toBe('TicketAlreadyApplied')
    const replay = await tabA.callback('session-update', { ticket: second })
    expect(replay.error).toBe('TicketAlreadyApplied')
    expect(await tabA.claims()).toMatchObject({ ver: 3, onboardingStep: 'COMPLETED' })
  })
})

describe('update() keeps to one cookie', () => {
  it('keeps the old token when the re-read row would need two cookies', async () => {
    const { db } = await import('@/demo/db')
    const c = client()
    await c.signInGuest('Small')
    const { sub } = (await c.claims())!
    await c.complete()
    db().prepare('UPDATE users SET name = ? WHERE id = ?').run('n'.repeat(4000), sub)
    const reply = await c.update()
    expect(reply.status).toBe(200)
    const token = (await c.request('/api/demo/token')).json
    expect(token.cookie.chunks).toBe(1)
    expect(token.claims).toMatchObject({ name: 'Small', onboardingStep: 'INITIAL' })
    db().prepare('UPDATE users SET name = ? WHERE id = ?').run('Small again', sub)
    await c.update()
    expect(await c.claims()).toMatchObject({ name: 'Small again', onboardingStep: 'COMPLETED' })
  })
})
