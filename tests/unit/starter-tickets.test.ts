// Both starters' ticket modules (starters/next-auth-v4/lib/ticket.ts, starters/authjs-v5/src/server/ticket.ts),
// which the hardening chapter shows: what verifyTicket refuses beyond the signature. Every token here is signed
// with the starter's real derived key, so the check under test is the one that refuses it.
// (Type, audience, alg none, forged key, expiry and the sub/sid/ver bindings: tests/claims/v4|v5/starter-ticket.test.ts.)
import { hkdfSync } from 'node:crypto'
import { SignJWT } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'

// Set before the imports below run (vi.hoisted goes above them): each starter reads its secret at import. The
// modules are imported at the top, not inside a test, so that a mutant of their module-level code is judged by every
// test here (README, "Two ways Stryker reports a survivor the tests kill").
const SECRET = vi.hoisted(() => {
  const secret = 'starter-tickets-unit-secret-0123456789'
  process.env.NEXTAUTH_SECRET = secret // v4 starter
  process.env.AUTH_SECRET = secret // v5 starter
  return secret
})
import * as v4Ticket from '../../starters/next-auth-v4/lib/ticket'
import * as v5Ticket from '../../starters/authjs-v5/src/server/ticket'
// DATA_DIR: tests/unit/setup.ts's temporary folder, removed after this file
afterEach(() => vi.useRealTimers())

// What each starter tells the caller for each refusal: v4 shows a sentence (it reaches the page as `error`), v5 a
// code (a CredentialsSignin's `code`).
const STARTERS = [
  {
    name: 'next-auth-v4',
    label: 'next-auth-v4-starter session-update ticket v1',
    load: async () => v4Ticket,
    says: {
      none: 'No ticket was sent.',
      long: 'The ticket is too long to be one of ours.',
      schema: 'The ticket does not carry a user, a session and a version.',
      expired: 'The ticket has expired.',
      signature: 'The ticket signature is not valid.',
      alg: 'The ticket algorithm is not allowed.',
      typ: 'The ticket was refused (typ).',
      aud: 'The ticket was refused (aud).',
      malformed: 'The ticket is malformed.',
    },
  },
  {
    name: 'authjs-v5',
    label: 'authjs-v5-starter session-update ticket v1',
    load: async () => v5Ticket,
    says: {
      none: 'invalid_ticket',
      long: 'invalid_ticket',
      schema: 'invalid_ticket',
      expired: 'expired_ticket',
      signature: 'invalid_ticket',
      alg: 'invalid_ticket',
      typ: 'invalid_ticket',
      aud: 'invalid_ticket',
      malformed: 'invalid_ticket',
    },
  },
]

describe.each(STARTERS)('the $name starter’s verifyTicket', ({ label, load, says }) => {
  const key = new Uint8Array(hkdfSync('sha256', SECRET, '', label, 32))
  type Options = { sub?: string | null; exp?: string; iat?: boolean; typ?: string; aud?: string; alg?: string; signWith?: Uint8Array }
  const sign = (payload: Record<string, unknown>, { sub = 'u1', exp = '60s', iat = true, typ = 'session-update+jwt', aud = 'session-update', alg = 'HS256', signWith = key }: Options = {}) => {
    let jwt = new SignJWT(payload).setProtectedHeader({ alg, typ }).setAudience(aud).setExpirationTime(exp)
    if (iat) jwt = jwt.setIssuedAt()
    if (sub !== null) jwt = jwt.setSubject(sub)
    return jwt.sign(signWith)
  }
  const refusal = async (ticket: unknown) => {
    const { verifyTicket, TicketRefused } = await load()
    const error = await verifyTicket(ticket).then(() => null, (e: unknown) => e)
    expect(error).toBeInstanceOf(TicketRefused)
    return (error as Error).message
  }

  it('says why it refused, for each way a ticket can be wrong', async () => {
    const good = { sid: 's1', ver: 2 }
    expect(await refusal(undefined)).toBe(says.none)
    expect(await refusal('')).toBe(says.none)
    expect(await refusal('x'.repeat(2049))).toBe(says.long)
    expect(await refusal(await sign({ sid: 's1' }))).toBe(says.schema)
    expect(await refusal(await sign(good, { signWith: new TextEncoder().encode('another-key-0123456789abcdef-0123') }))).toBe(says.signature)
    expect(await refusal(await sign(good, { alg: 'HS512', signWith: new Uint8Array(64) }))).toBe(says.alg)
    expect(await refusal(await sign(good, { typ: 'JWT' }))).toBe(says.typ)
    expect(await refusal(await sign(good, { aud: 'email-link' }))).toBe(says.aud)
    expect(await refusal('not.a.jwt')).toBe(says.malformed)
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = Date.now()
    const expiring = await sign(good, { exp: '10s' })
    vi.setSystemTime(t0 + 16_000)
    expect(await refusal(expiring)).toBe(says.expired)
  })

  // Only where "too long" has its own message (v4): in v5 every refusal is `invalid_ticket`, so the limit's
  // boundary cannot show from outside (an equivalent mutant, listed in the note).
  it.runIf(says.long !== says.malformed)('takes a ticket of exactly 2048 characters to the signature check (the length limit is not off by one)', async () => {
    const token = await sign({ sid: 's1', ver: 2, pad: 'x' })
    const [h, p, sig] = token.split('.')
    const padded = `${h}.${p}${'A'.repeat(2048 - token.length)}.${sig}`
    expect(padded.length).toBe(2048)
    expect(await refusal(padded)).not.toBe(says.long)
  })

  it('round-trips what issueTicket signs: sub, sid and ver, nothing else', async () => {
    const { issueTicket, verifyTicket } = await load()
    expect(await verifyTicket(await issueTicket({ sub: 'u1', sid: 's1', ver: 2 }))).toEqual({ sub: 'u1', sid: 's1', ver: 2 })
    expect(await verifyTicket(await sign({ sid: 's1', ver: 2 }))).toEqual({ sub: 'u1', sid: 's1', ver: 2 })
  })

  it.each([
    ['no sid', { ver: 2 }, {}],
    ['an empty sid', { sid: '', ver: 2 }, {}],
    ['no ver', { sid: 's1' }, {}],
    ['ver 0', { sid: 's1', ver: 0 }, {}],
    ['a fractional ver', { sid: 's1', ver: 1.5 }, {}],
    ['ver as a string', { sid: 's1', ver: '2' }, {}],
    ['no subject', { sid: 's1', ver: 2 }, { sub: null }],
    ['no iat (maxTokenAge needs one)', { sid: 's1', ver: 2 }, { iat: false }],
  ] as const)('refuses a validly signed ticket with %s', async (_name, payload, options) => {
    const { verifyTicket, TicketRefused } = await load()
    await expect(verifyTicket(await sign(payload, options))).rejects.toBeInstanceOf(TicketRefused)
  })

  it('refuses a ticket older than 60 s (plus 5 s tolerance) even when its exp says a day', async () => {
    const { verifyTicket, TicketRefused } = await load()
    vi.useFakeTimers({ toFake: ['Date'] })
    const t0 = Date.now()
    const ticket = await sign({ sid: 's1', ver: 2 }, { exp: '1d' })
    vi.setSystemTime(t0 + 64_000)
    expect(await verifyTicket(ticket)).toMatchObject({ ver: 2 })
    vi.setSystemTime(t0 + 67_000)
    await expect(verifyTicket(ticket)).rejects.toBeInstanceOf(TicketRefused)
  })

  it('refuses what is not a ticket at all: a non-string, an empty or an over-long string', async () => {
    const { verifyTicket, TicketRefused } = await load()
    for (const value of [undefined, 42, '', 'x'.repeat(5000)]) await expect(verifyTicket(value)).rejects.toBeInstanceOf(TicketRefused)
  })
})

describe('the authjs-v5 starter without AUTH_SECRET', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
    vi.resetModules()
  })
  it('refuses to issue or verify a ticket, naming the variable (no key is derived from nothing)', async () => {
    vi.stubEnv('AUTH_SECRET', '')
    vi.resetModules() // src/env.js reads the environment once, at import
    const { issueTicket, verifyTicket, TicketRefused } = await import('../../starters/authjs-v5/src/server/ticket')
    const message = 'AUTH_SECRET is not set: start the app with `npm start` / `npm run dev`.'
    await expect(async () => issueTicket({ sub: 'u1', sid: 's1', ver: 2 })).rejects.toThrow(message)
    // Verifying: refused as any bad ticket is, never verified against an empty key.
    await expect(verifyTicket('a.b.c')).rejects.toBeInstanceOf(TicketRefused)
  })
})
