// Finding 2: a session minted by the naive provider must reach no one's row but its own browser's cookie.
// next-auth's real handler and the demo's real routes, in process (tests/support/api-server.ts).
import Database from 'better-sqlite3'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { Client } from '../support/client'
import { startApiServer, type ApiServer } from '../support/api-server'

// Each test drives next-auth's real handler over HTTP (several requests, JWE encryption): seconds on a busy machine.
vi.setConfig({ testTimeout: 30_000 })

let server: ApiServer
const client = () => new Client(server.url)

function row(id: string) {
  const db = new Database(join(server.dataDir, 'demo.sqlite'), { readonly: true })
  try {
    return db.prepare('SELECT * FROM users WHERE id = ?').get(id) as Record<string, any> | undefined
  } finally {
    db.close()
  }
}

beforeAll(async () => {
  server = await startApiServer()
}, 60_000)
afterAll(() => server?.close())

/** A victim with a real row, and an attacker whose naive session names the victim's id. */
async function victimAndForger() {
  const victim = client()
  await victim.signInGuest('Victim')
  const victimId = (await victim.session()).user.id as string
  const attacker = client()
  await attacker.signInGuest('Mallory')
  const attackerId = (await attacker.session()).user.id as string
  const forged = await attacker.callback('session-update-naive', {
    user: JSON.stringify({ id: victimId, name: 'Mallory', role: 'admin', onboardingStep: 'INITIAL', ver: 0 }),
  })
  expect(forged.status).toBe(200)
  return { victim, victimId, attacker, attackerId }
}

describe('naive provider: any id, any role, in the caller’s own browser, nothing more', () => {
  it('still mints any id and role (the lesson), marked mintedBy session-update-naive by the server', async () => {
    const c = client()
    const reply = await c.callback('session-update-naive', { user: JSON.stringify({ id: 'admin-0001', role: 'admin', onboardingStep: 'COMPLETED' }) })
    expect(reply.status).toBe(200)
    expect(await c.claims()).toMatchObject({ sub: 'admin-0001', role: 'admin', onboardingStep: 'COMPLETED', mintedBy: 'session-update-naive' })
  })

  it('copies no unknown key from the user JSON: mintedBy, sid, realSub, signedInWith stay the server’s', async () => {
    const c = client()
    await c.signInGuest('Own')
    const own = await c.claims()
    await c.callback('session-update-naive', {
      user: JSON.stringify({ id: 'x1', mintedBy: 'demo', sid: own!.sid, realSub: 'someone-else', signedInWith: 'github', extra: 'payload' }),
    })
    const claims = (await c.claims())!
    expect(claims.mintedBy).toBe('session-update-naive')
    expect(claims.realSub).toBe(own!.sub)
    expect(claims.sid).not.toBe(own!.sid)
    expect(claims.signedInWith).toBe('session-update-naive')
    expect(claims).not.toHaveProperty('extra')
  })

  it('cannot complete or reset the victim’s onboarding: 403, the row unchanged', async () => {
    const { attacker, victimId } = await victimAndForger()
    for (const reply of [await attacker.complete({ goal: 'ship' }), await attacker.reset()]) {
      expect(reply.status).toBe(403)
      expect(reply.json.error).toMatch(/naive, vulnerable provider/)
      expect(reply.json).not.toHaveProperty('ticket')
    }
    expect(row(victimId)).toMatchObject({ onboarding_step: 'INITIAL', version: 1 })
  })

  it('update() copies nothing from the victim’s row into it, and reads no row', async () => {
    const { victim, attacker, victimId } = await victimAndForger()
    expect((await victim.complete({ goal: 'audit' })).status).toBe(200)
    const before = await attacker.claims()
    const reply = await attacker.update()
    expect(reply.status).toBe(200)
    expect(reply.headers.get('x-db-reads')).toBe('0')
    const after = await attacker.claims()
    expect(after).toMatchObject({ sub: victimId, name: 'Mallory', onboardingStep: 'INITIAL', ver: 0, mintedBy: 'session-update-naive' })
    expect(after!.sid).toBe(before!.sid)
  })

  it('the hardened provider never re-mints a naive session (no laundering away the red banner)', async () => {
    const c = client()
    await c.signInGuest('Own')
    const { ticket } = (await c.complete()).json
    // The reader's own ticket, then a naive session naming the same user: still refused.
    const own = await c.claims()
    await c.callback('session-update-naive', { user: JSON.stringify({ id: own!.sub, name: 'Own', role: 'admin' }) })
    const reply = await c.callback('session-update', { ticket })
    expect(reply.status).toBe(401)
    expect(reply.error).toMatch(/minted by the naive provider/)
    expect(await c.claims()).toMatchObject({ mintedBy: 'session-update-naive', role: 'admin' })
  })
})

describe('"Return as yourself" (provider session-restore)', () => {
  it('restores the reader’s own row (same user, same progress), with no new guest row', async () => {
    const c = client()
    await c.signInGuest('Reader')
    const own = (await c.claims())!
    await c.complete({ goal: 'learn' })
    await c.callback('session-update-naive', { user: JSON.stringify({ id: 'admin-0001', role: 'admin' }) })
    // A second naive hop keeps the original owner.
    await c.callback('session-update-naive', { user: JSON.stringify({ id: 'admin-0002', role: 'admin' }) })
    const db = new Database(join(server.dataDir, 'demo.sqlite'), { readonly: true })
    const count = () => (db.prepare('SELECT count(*) AS n FROM users').get() as { n: number }).n
    const rowsBefore = count()
    const reply = await c.callback('session-restore', {})
    expect(reply.status).toBe(200)
    expect(reply.error).toBeNull()
    expect(await c.claims()).toMatchObject({ sub: own.sub, name: 'Reader', role: 'reader', onboardingStep: 'COMPLETED', ver: 2, mintedBy: 'session-restore', signedInWith: 'session-restore' })
    expect(count()).toBe(rowsBefore)
    db.close()
  })

  it('signs nobody in when the reader’s own row is gone (an idle guest removed), and says so', async () => {
    const c = client()
    await c.signInGuest('Gone')
    const own = (await c.claims())!
    await c.callback('session-update-naive', { user: JSON.stringify({ id: 'admin-0001', role: 'admin' }) })
    const db = new Database(join(server.dataDir, 'demo.sqlite'))
    db.prepare('DELETE FROM users WHERE id = ?').run(own.sub)
    db.close()
    const reply = await c.callback('session-restore', {})
    expect(reply.status).toBe(401)
    expect(reply.error).toBe('Your own guest user no longer exists (idle guests are removed). Sign in as a guest again.')
    expect(await c.claims()).toMatchObject({ sub: 'admin-0001', mintedBy: 'session-update-naive' })
  })

  it('refuses a real session, an anonymous caller, and a naive session minted with no session before it', async () => {
    const real = client()
    await real.signInGuest()
    expect((await real.callback('session-restore', {})).error).toMatch(/yours is your own/)
    expect((await client().callback('session-restore', {})).status).toBe(401)
    const fromNowhere = client()
    await fromNowhere.callback('session-update-naive', { user: JSON.stringify({ id: 'admin-0001' }) })
    const reply = await fromNowhere.callback('session-restore', {})
    expect(reply.status).toBe(401)
    expect(reply.error).toMatch(/no one to return to/)
    expect(await fromNowhere.claims()).toMatchObject({ sub: 'admin-0001', mintedBy: 'session-update-naive' })
  })
})
