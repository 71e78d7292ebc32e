// Both starters' ticket modules (starters/next-auth-v4/lib/ticket.ts, starters/authjs-v5/src/server/ticket.ts),
// which the hardening chapter shows: what verifyTicket refuses beyond the signature. Every token here is signed
// with the starter's real derived key, so the check under test is the one that refuses it.
// (Type, audience, alg none, forged key, expiry and the sub/sid/ver bindings: tests/snippets/v4|v5/starter-ticket.test.ts.)
import { hkdfSync } from 'node:crypto'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { SignJWT } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'

const SECRET = 'starter-tickets-unit-secret-0123456789'
process.env.NEXTAUTH_SECRET = SECRET // v4 starter
process.env.AUTH_SECRET = SECRET // v5 starter
process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'starter-tickets-'))
afterEach(() => vi.useRealTimers())

const STARTERS = [
  { name: 'next-auth-v4', label: 'next-auth-v4-starter session-update ticket v1', load: () => import('../../starters/next-auth-v4/lib/ticket') },
  { name: 'authjs-v5', label: 'authjs-v5-starter session-update ticket v1', load: () => import('../../starters/authjs-v5/src/server/ticket') },
]

describe.each(STARTERS)('the $name starter’s verifyTicket', ({ label, load }) => {
  const key = new Uint8Array(hkdfSync('sha256', SECRET, '', label, 32))
  const sign = (payload: Record<string, unknown>, { sub = 'u1' as string | null, exp = '60s', iat = true } = {}) => {
    let jwt = new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'session-update+jwt' }).setAudience('session-update').setExpirationTime(exp)
    if (iat) jwt = jwt.setIssuedAt()
    if (sub !== null) jwt = jwt.setSubject(sub)
    return jwt.sign(key)
  }

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
