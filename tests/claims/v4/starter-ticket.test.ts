// The hardened pass-through the hardening chapter shows, from the v4 starter itself (lib/auth-options.ts,
// lib/ticket.ts, lib/complete-onboarding.ts through pages/api/onboarding/complete.ts), run in process by
// next-auth 4's real handler: no build, no browser. The starters' contract suite runs the same in Chromium.
import { mkdtempSync } from 'node:fs'
import { hkdfSync } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SignJWT } from 'jose'
import { decode } from 'next-auth/jwt'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { serveAuth } from '@/content/v4/testing/serve-auth'
import { Client } from '../../support/client'
import { FORGED_ADMIN } from '../../support/forged'
import { claim } from '../support/claim'

const SECRET = 'v4-starter-ticket-tests-secret-0123456789'
// Before the starter's modules load: they read the secret, and open PGlite in DATA_DIR/pglite (not DATABASE_URL).
process.env.NEXTAUTH_SECRET = SECRET
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'v4-starter-ticket-'))
delete process.env.DATABASE_URL

let base: string
let close: () => Promise<void>
/** The starter's own query counter (Drizzle's logger, lib/db/connect.mjs): the reads are measured, not assumed. */
let queryCount: () => number
beforeAll(async () => {
  const { authOptions } = await import('../../../starters/next-auth-v4/lib/auth-options')
  const { default: complete } = await import('../../../starters/next-auth-v4/pages/api/onboarding/complete')
  const server = await serveAuth(authOptions, { '/api/onboarding/complete': complete })
  ;({ url: base, close } = server)
  // A new PGlite folder and the starter's migrations: seconds on a loaded machine, paid here and not by a test.
  await (await import('../../../starters/next-auth-v4/lib/db')).database()
  ;({ queryCount } = await import('../../../starters/next-auth-v4/lib/db/connect.mjs'))
}, 120_000)
afterAll(async () => {
  await close?.()
  await (await import('../../../starters/next-auth-v4/lib/db')).closeDatabase()
})

/** A browser signed in through the starter's dev provider (email only), as its sign-in page does. */
async function signedIn(email: string) {
  const c = new Client(base)
  const reply = await c.callback('dev', { email })
  if (reply.error) throw new Error(`dev sign-in refused: ${reply.error}`)
  return c
}
const mutate = async (c: Client) => (await c.request('/api/onboarding/complete', { method: 'POST', body_json: {} })).json as { ticket: string }
const step = async (c: Client) => (await c.session()).user?.onboardingStep
/**
 * The step in the cookie the client holds, read without asking the server: a session read by the session that
 * made the write would itself pick the new row up (the starter's race guard, lib/recent-writes.ts).
 */
const cookieStep = async (c: Client) => (await decode({ token: c.jar.get('next-auth.session-token')!, secret: SECRET }))?.onboardingStep

/** What a forger could sign: the ticket's shape, with a key of their choosing, or the real key (to test other checks). */
function sign(payload: Record<string, unknown>, { key = 'attacker-picked-key-0123456789', typ = 'session-update+jwt', aud = 'session-update', sub = '' } = {}) {
  const realKey = new Uint8Array(hkdfSync('sha256', SECRET, '', 'next-auth-v4-starter session-update ticket v1', 32))
  let jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ }).setAudience(aud).setIssuedAt().setExpirationTime('60s')
  if (sub) jwt = jwt.setSubject(sub)
  return jwt.sign(key === 'real' ? realKey : new TextEncoder().encode(key))
}

describe('the v4 starter’s ticket provider, in process', () => {
  it('refuses the request that beats the naive provider: no session, forged user JSON', async () => {
    const anonymous = new Client(base)
    const reply = await anonymous.callback('session-update', { user: JSON.stringify(FORGED_ADMIN) })
    expect(reply.error).toMatch(/No current session/)
    expect(await anonymous.session()).toEqual({})
  })

  it('applies the mutation’s ticket once: COMPLETED from the row, then a replay is refused', async () => {
    const c = await signedIn(`once-${Date.now()}@example.com`)
    const before = (await c.session()).user
    expect(before.onboardingStep).toBe('INITIAL')
    const { ticket } = await mutate(c)
    const applied = await c.callback('session-update', { ticket })
    expect(applied.error).toBeNull()
    expect((await c.session()).user).toEqual({ ...before, onboardingStep: 'COMPLETED' })
    const replay = await c.callback('session-update', { ticket })
    expect(replay.error).toMatch(/not newer than your session/)
  })

  it('refuses another user’s ticket, and leaves the session as it was', async () => {
    const victim = await signedIn(`victim-${Date.now()}@example.com`)
    const { ticket } = await mutate(victim)
    const mallory = await signedIn(`mallory-${Date.now()}@example.com`)
    const before = (await mallory.session()).user
    expect((await mallory.callback('session-update', { ticket })).error).toMatch(/another user/)
    expect((await mallory.session()).user).toEqual(before)
  })

  it('refuses a ticket from another session of the same user (sid), and the issuing session can still use it', async () => {
    const email = `two-sessions-${Date.now()}@example.com`
    const [laptop, phone] = [await signedIn(email), await signedIn(email)]
    const { ticket } = await mutate(laptop)
    expect((await phone.callback('session-update', { ticket })).error).toMatch(/another session/)
    expect(await step(phone)).toBe('INITIAL')
    expect((await laptop.callback('session-update', { ticket })).error).toBeNull()
    expect(await step(laptop)).toBe('COMPLETED')
  })

  it('refuses forged, self-signed, alg none, truncated, wrong-type and wrong-audience tickets', async () => {
    const c = await signedIn(`forger-${Date.now()}@example.com`)
    const { ticket } = await mutate(c) // a real one, to take apart
    const [head, payload] = ticket.split('.')
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as { sub: string; sid: string; ver: number }
    const own = { sid: claims.sid, ver: claims.ver }
    const cases = {
      'self-signed': await sign(own, { sub: claims.sub }),
      'alg none': `${Buffer.from('{"alg":"none","typ":"session-update+jwt"}').toString('base64url')}.${payload}.`,
      truncated: `${head}.${payload}`,
      // Signed with the real key, so the type and audience checks, not the signature, are what refuse them.
      'another type': await sign(own, { key: 'real', typ: 'JWT', sub: claims.sub }),
      'another audience': await sign(own, { key: 'real', aud: 'email-link', sub: claims.sub }),
    }
    for (const [name, forged] of Object.entries(cases)) {
      const reply = await c.callback('session-update', { ticket: forged })
      expect(reply.error, name).toMatch(/ticket/i)
      expect(await cookieStep(c), name).toBe('INITIAL')
    }
    // The control: the same real-key signing with the right type and audience is accepted.
    expect((await c.callback('session-update', { ticket: await sign(own, { key: 'real', sub: claims.sub }) })).error).toBeNull()
    expect(await step(c)).toBe('COMPLETED')
  })

  it('refuses an expired ticket', async () => {
    const c = await signedIn(`late-${Date.now()}@example.com`)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() - 120_000)
    const { ticket } = await mutate(c)
    vi.useRealTimers()
    expect((await c.callback('session-update', { ticket })).error).toMatch(/expired/)
    expect(await cookieStep(c)).toBe('INITIAL')
  })
})

claim('v4-ticket-signin-reads-two', ['v4'], () => {
  it('the ticket’s sign-in reads the row twice: authorize looks the user up, then the jwt callback reads the claims', async () => {
    const c = await signedIn(`reads-${Date.now()}@example.com`)
    const { ticket } = await mutate(c)
    const csrfToken = await c.csrf() // outside the count: the CSRF endpoint reads no row
    const before = queryCount()
    const reply = await c.request('/api/auth/callback/session-update', { method: 'POST', form: { ticket, csrfToken, json: 'true' } })
    expect(reply.status).toBe(200)
    expect(queryCount() - before).toBe(2)
  })
})
