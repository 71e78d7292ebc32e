// demo/tickets.ts: every refusal is tested with a token signed by the REAL derived ticket key, so that the
// signature passes and the check under test is the one that refuses it.
import { hkdfSync } from 'node:crypto'
import { SignJWT, decodeProtectedHeader } from 'jose'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { TICKET_TTL_SECONDS, TicketRefused, issueTicket, verifyTicket } from '@/demo/tickets'
import type { UserRow } from '@/demo/users'

const row: UserRow = { id: 'u1', name: 'Ada', email: null, image: null, role: 'reader', onboardingStep: 'COMPLETED', goal: null, version: 2, suspended: 0, sessionEpoch: 0 }
const claims = { name: 'Ada', role: 'reader', onboardingStep: 'COMPLETED' }
const SID = 'sid-1'
afterEach(() => vi.useRealTimers())

/** The key demo/tickets.ts derives, derived again here from its documented label: a test of the derivation too. */
const ticketKey = () => new Uint8Array(hkdfSync('sha256', process.env.NEXTAUTH_SECRET!, '', 'session-update-lab ticket key v1', 32))

interface Forge {
  payload?: Record<string, unknown>
  typ?: string | null
  aud?: string | null
  sub?: string | null
  exp?: string | null
  iat?: boolean
  key?: Uint8Array
}
/** A ticket as issueTicket makes it, with one thing changed. */
function forge({ payload = { ver: 2, sid: SID, claims }, typ = 'session-update+jwt', aud = 'session-update', sub = 'u1', exp = '60s', iat = true, key }: Forge = {}) {
  let jwt = new SignJWT(payload).setProtectedHeader(typ === null ? { alg: 'HS256' } : { alg: 'HS256', typ })
  if (sub !== null) jwt = jwt.setSubject(sub)
  if (aud !== null) jwt = jwt.setAudience(aud)
  if (iat) jwt = jwt.setIssuedAt()
  if (exp !== null) jwt = jwt.setExpirationTime(exp)
  return jwt.sign(key ?? ticketKey())
}

const refused = (ticket: unknown, message: string | RegExp) =>
  expect(verifyTicket(ticket)).rejects.toSatisfy((e: unknown) => e instanceof TicketRefused && (typeof message === 'string' ? e.message === message : message.test(e.message)))

describe('issueTicket / verifyTicket', () => {
  it('round-trips subject, session id, version and claims, and nothing else', async () => {
    const ticket = await issueTicket(row, SID)
    expect(await verifyTicket(ticket)).toEqual({ sub: 'u1', sid: SID, ver: 2, claims })
    expect(decodeProtectedHeader(ticket)).toEqual({ alg: 'HS256', typ: 'session-update+jwt' })
  })

  it('carries a unique id, the audience and a 60-second lifetime', async () => {
    const [a, b] = [await issueTicket(row, SID), await issueTicket(row, SID)]
    const payload = (t: string) => JSON.parse(Buffer.from(t.split('.')[1], 'base64url').toString())
    expect(payload(a)).toMatchObject({ sub: 'u1', aud: 'session-update', ver: 2, claims })
    expect(payload(a).jti).toMatch(/^[0-9a-f-]{36}$/)
    expect(payload(a).jti).not.toBe(payload(b).jti)
    expect(payload(a).exp - payload(a).iat).toBe(60)
    expect(TICKET_TTL_SECONDS).toBe(60)
  })

  it('a test-made ticket with the real key is accepted (so the refusals below are the checks, not the key)', async () => {
    expect(await verifyTicket(await forge())).toEqual({ sub: 'u1', sid: SID, ver: 2, claims })
  })

  it('is signed with a key derived for tickets, not with the session secret itself', async () => {
    await refused(await forge({ key: new TextEncoder().encode(process.env.NEXTAUTH_SECRET) }), 'The ticket signature is not valid.')
  })

  it('follows the secret: a ticket made under another secret is refused', async () => {
    const ticket = await issueTicket(row, SID)
    process.env.NEXTAUTH_SECRET = 'another-secret-0123456789abcdefgh'
    try {
      await refused(ticket, 'The ticket signature is not valid.')
    } finally {
      process.env.NEXTAUTH_SECRET = 'unit-test-secret-0123456789abcdef'
    }
  })

  it('refuses a wrong or missing type (typ), validly signed', async () => {
    await refused(await forge({ typ: 'JWT' }), 'The ticket was refused: unexpected "typ" JWT header value.')
    await refused(await forge({ typ: null }), 'The ticket was refused: unexpected "typ" JWT header value.')
  })

  it('refuses a wrong or missing audience, validly signed', async () => {
    await refused(await forge({ aud: 'session' }), 'The ticket was refused: unexpected "aud" claim value.')
    await refused(await forge({ aud: null }), 'The ticket was refused: missing required "aud" claim.')
  })

  it('expires after 60 seconds (5 seconds of clock tolerance), even when its own exp says later', async () => {
    const ticket = await issueTicket(row, SID)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 63_000)
    expect(await verifyTicket(ticket)).toMatchObject({ sub: 'u1', sid: SID })
    vi.setSystemTime(Date.now() + 3_000)
    await refused(ticket, 'The ticket has expired: tickets live 60 seconds.')
    vi.useRealTimers()
    const longLived = await forge({ exp: '1h', iat: false })
    await refused(longLived, 'The ticket was refused: missing required "iat" claim.')
    vi.useFakeTimers({ toFake: ['Date'] })
    const old = await forge({ exp: '1h' })
    vi.setSystemTime(Date.now() + 66_000)
    await refused(old, /^The ticket (has expired|was refused: "iat" claim timestamp check failed)/)
  })

  it('refuses schema breaks: no subject, no ver, ver 0, a fractional ver, missing or wrongly typed claims, extra claims', async () => {
    const schema = 'The ticket does not carry a subject, a session, a version and claims.'
    await refused(await forge({ sub: null }), schema)
    await refused(await forge({ sub: '' }), schema)
    await refused(await forge({ payload: { sid: SID, claims } }), schema)
    await refused(await forge({ payload: { sid: SID, ver: 0, claims } }), schema)
    await refused(await forge({ payload: { sid: SID, ver: -1, claims } }), schema)
    await refused(await forge({ payload: { sid: SID, ver: 1.5, claims } }), schema)
    await refused(await forge({ payload: { sid: SID, ver: '2', claims } }), schema)
    await refused(await forge({ payload: { sid: SID, ver: 2 } }), schema)
    await refused(await forge({ payload: { ver: 2, claims } }), schema) // no session id
    await refused(await forge({ payload: { sid: '', ver: 2, claims } }), schema)
    for (const key of ['name', 'role', 'onboardingStep']) {
      const { [key]: _dropped, ...rest } = claims as Record<string, string>
      await refused(await forge({ payload: { sid: SID, ver: 2, claims: rest } }), schema)
      await refused(await forge({ payload: { sid: SID, ver: 2, claims: { ...claims, [key]: 1 } } }), schema)
    }
  })

  it('drops extra claims: a claim the schema does not name never reaches the provider (nor the session)', async () => {
    const withExtra = await forge({ payload: { ver: 2, sid: SID, claims: { ...claims, isAdmin: true }, mintedBy: 'github' } })
    expect(await verifyTicket(withExtra)).toEqual({ sub: 'u1', sid: SID, ver: 2, claims })
  })

  it('refuses alg none, another algorithm, truncated or padded tokens and non-strings, each with a TicketRefused', async () => {
    const ticket = await issueTicket(row, SID)
    const [, payload] = ticket.split('.')
    const none = `${Buffer.from('{"alg":"none","typ":"session-update+jwt"}').toString('base64url')}.${payload}.`
    await refused(none, 'The ticket uses an algorithm that is not allowed.')
    const hs512 = await new SignJWT({ ver: 2, sid: SID, claims }).setProtectedHeader({ alg: 'HS512', typ: 'session-update+jwt' }).setSubject('u1').setAudience('session-update').setIssuedAt().setExpirationTime('60s').sign(ticketKey())
    await refused(hs512, 'The ticket uses an algorithm that is not allowed.')
    await refused(ticket.slice(0, -3), 'The ticket signature is not valid.')
    await refused(ticket + 'x', /^The ticket (signature is not valid|is malformed)\.$/)
    await refused('a.b.c', 'The ticket is malformed.')
    for (const empty of ['', 42, undefined, null, {}]) await refused(empty, 'No ticket was sent.')
    await refused('x'.repeat(4097), 'The ticket is too long to be one of ours.')
    await refused('x'.repeat(4096), 'The ticket is malformed.')
  })
})
