// The hardened pass-through the hardening chapter shows for v5, from the v5 starter itself (src/server/auth/config.ts,
// src/server/auth/session-update-provider.ts, src/server/ticket.ts, src/server/onboarding.ts), run in process by
// @auth/core's Auth() with plain Requests on the starter's real database (PGlite in a temporary DATA_DIR, its
// drizzle/ migrations applied by its own scripts/migrate.mjs): no build, no browser. The starters' contract suite
// runs it in Chromium.
import { hkdfSync } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decode } from '@auth/core/jwt'
import { SignJWT } from 'jose'
import { beforeAll, describe, expect, it } from 'vitest'
import { authFetch } from '@/content/v5/testing/auth-fetch'
import { Client } from '../../support/client'
import { FORGED_ADMIN } from '../../support/forged'
import { claim } from '../support/claim'
import { ORIGIN, outcome } from '../../snippets/v5/setup'

const SECRET = 'v5-starter-ticket-tests-secret-0123456789'
// Before the starter's modules load: its src/env.js reads the secret and DATA_DIR once, at import.
process.env.AUTH_SECRET = SECRET
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'v5-starter-ticket-'))

let fetchAuth: typeof fetch
/** The starter's own query counter (Drizzle's logger, src/server/db): the reads are measured, not assumed. */
let queryCount: () => number
let completeOnboarding: typeof import('../../../starters/authjs-v5/src/server/onboarding').completeOnboarding
beforeAll(async () => {
  const { migrateDatabase } = await import('../../../starters/authjs-v5/scripts/migrate.mjs')
  await migrateDatabase()
  const { authConfig } = await import('../../../starters/authjs-v5/src/server/auth/config')
  ;({ completeOnboarding } = await import('../../../starters/authjs-v5/src/server/onboarding'))
  fetchAuth = authFetch({ ...authConfig, logger: { error() {} } })
  ;({ queryCount } = await import('../../../starters/authjs-v5/src/server/db'))
}, 120_000) // opening PGlite (Postgres in WebAssembly) the first time takes seconds, more on a busy machine

async function signedIn(email: string) {
  const c = new Client(ORIGIN, fetchAuth)
  const reply = await c.callback('dev', { email })
  if (outcome(reply).error) throw new Error(`dev sign-in refused: ${reply.location}`)
  return c
}
/** The starter's one mutation (its route, tRPC procedure and Server Action all call it), for this browser's session. */
/** The session token as the server reads it (Auth.js salts the key with the cookie's name). */
async function token(c: Client) {
  const cookie = 'authjs.session-token'
  return (await decode({ token: c.jar.get(cookie)!, secret: SECRET, salt: cookie }))!
}
async function mutate(c: Client) {
  const claims = await token(c)
  return completeOnboarding({ id: String(claims.sub), sid: String(claims.sid) }, {})
}
const apply = async (c: Client, ticket: string) => outcome(await c.callback('session-update', { ticket }))
const step = async (c: Client) => (await c.session())?.user?.onboardingStep

function sign(payload: Record<string, unknown>, { real = false, typ = 'session-update+jwt', aud = 'session-update', sub = '' } = {}) {
  const key = real ? new Uint8Array(hkdfSync('sha256', SECRET, '', 'authjs-v5-starter session-update ticket v1', 32)) : new TextEncoder().encode('attacker-picked-key-0123456789')
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ }).setAudience(aud).setSubject(sub).setIssuedAt().setExpirationTime('60s').sign(key)
}

describe('the v5 starter’s ticket provider, in process', () => {
  it('refuses the request that beats the naive provider: no session, forged user JSON', async () => {
    const anonymous = new Client(ORIGIN, fetchAuth)
    expect(outcome(await anonymous.callback('session-update', { user: JSON.stringify(FORGED_ADMIN) }))).toMatchObject({ error: 'CredentialsSignin', code: 'no_session' })
    expect(await anonymous.session()).toBeNull()
  })

  it('applies the mutation’s ticket once (claims from the row, same sid), then refuses the replay', async () => {
    const c = await signedIn(`once-${Date.now()}@example.com`)
    const sid = (await token(c)).sid
    expect(await step(c)).toBe('INITIAL')
    const { ticket } = await mutate(c)
    expect((await apply(c, ticket)).error).toBeNull()
    expect(await step(c)).toBe('COMPLETED')
    expect((await token(c)).sid).toBe(sid) // the update continues the session
    expect(await apply(c, ticket)).toMatchObject({ error: 'CredentialsSignin', code: 'stale_ticket' })
  })

  it('refuses another user’s ticket, and a ticket from another session of the same user', async () => {
    const victim = await signedIn(`victim-${Date.now()}@example.com`)
    const mallory = await signedIn(`mallory-${Date.now()}@example.com`)
    expect((await apply(mallory, (await mutate(victim)).ticket)).code).toBe('foreign_user')
    expect(await step(mallory)).toBe('INITIAL')

    const email = `two-sessions-${Date.now()}@example.com`
    const [laptop, phone] = [await signedIn(email), await signedIn(email)]
    const { ticket } = await mutate(laptop)
    expect((await apply(phone, ticket)).code).toBe('foreign_session')
    expect(await step(phone)).toBe('INITIAL')
    expect((await apply(laptop, ticket)).error).toBeNull()
  })

  it('refuses self-signed, alg none, truncated, wrong-type and wrong-audience tickets; the real key signs the control', async () => {
    const c = await signedIn(`forger-${Date.now()}@example.com`)
    const { ticket } = await mutate(c)
    const [head, payload] = ticket.split('.')
    const { sub, sid, ver } = JSON.parse(Buffer.from(payload, 'base64url').toString())
    const cases = {
      'self-signed': await sign({ sid, ver }, { sub }),
      'alg none': `${Buffer.from('{"alg":"none","typ":"session-update+jwt"}').toString('base64url')}.${payload}.`,
      truncated: `${head}.${payload}`,
      'another type': await sign({ sid, ver }, { real: true, typ: 'JWT', sub }),
      'another audience': await sign({ sid, ver }, { real: true, aud: 'email-link', sub }),
    }
    for (const [name, forged] of Object.entries(cases)) {
      expect((await apply(c, forged)).code, name).toBe('invalid_ticket')
      expect(await step(c), name).toBe('INITIAL')
    }
    expect((await apply(c, await sign({ sid, ver }, { real: true, sub }))).error).toBeNull()
    expect(await step(c)).toBe('COMPLETED')
  })
})

claim('v5-ticket-signin-reads-one', ['v5'], () => {
  it('the ticket’s sign-in reads the row once, in the jwt callback (authorize checks the ticket against the cookie)', async () => {
    const c = await signedIn(`reads-${Date.now()}@example.com`)
    const { ticket } = await mutate(c)
    const csrfToken = await c.csrf() // outside the count: the CSRF endpoint reads no row
    const before = queryCount()
    const reply = await c.request('/api/auth/callback/session-update', { method: 'POST', form: { ticket, csrfToken } })
    expect(outcome(reply).error).toBeNull()
    expect(queryCount() - before).toBe(1)
  })
})
