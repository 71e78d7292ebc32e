// content/shared/ticket.ts (the guide's ticket snippet) against the same attacks as the demo's: each token is
// signed with the snippet's own secret, so that the check under test is the one that refuses it.
import { SignJWT } from 'jose'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { issueTicket, verifyTicket } from '@/content/shared/ticket'
import { db } from '@/content/shared/users'

const SECRET = 'shared-ticket-secret-0123456789abcdef'
beforeAll(() => {
  process.env.SESSION_UPDATE_SECRET = SECRET
})
afterEach(() => vi.useRealTimers())

const row = { id: 'u1', name: 'Ada', role: 'reader' as const, onboardingStep: 'COMPLETED' as const, version: 2, sessionEpoch: 0, suspended: false }
const claims = { role: 'reader', onboardingStep: 'COMPLETED' }
function forge({ payload = { ver: 2, claims } as Record<string, unknown>, aud = 'session-update' as string | null, sub = 'u1' as string | null, secret = SECRET, exp = '60s', typ = 'session-update+jwt' as string | null } = {}) {
  let jwt = new SignJWT(payload).setProtectedHeader(typ ? { alg: 'HS256', typ } : { alg: 'HS256' }).setIssuedAt().setExpirationTime(exp)
  if (aud) jwt = jwt.setAudience(aud)
  if (sub !== null) jwt = jwt.setSubject(sub)
  return jwt.sign(new TextEncoder().encode(secret))
}

describe('content/shared/ticket.ts', () => {
  it('round-trips subject, version and claims (no name: the snippet’s claims are role and step)', async () => {
    expect(await verifyTicket(await issueTicket(row))).toEqual({ sub: 'u1', ver: 2, claims })
    expect(await verifyTicket(await forge())).toEqual({ sub: 'u1', ver: 2, claims })
    const payload = JSON.parse(Buffer.from((await issueTicket(row)).split('.')[1], 'base64url').toString())
    expect(payload).toMatchObject({ aud: 'session-update', sub: 'u1', ver: 2, claims })
    expect(payload.exp - payload.iat).toBe(60)
  })

  it('refuses a wrong or missing audience, validly signed', async () => {
    await expect(verifyTicket(await forge({ aud: 'other' }))).rejects.toThrow('unexpected "aud" claim value')
    await expect(verifyTicket(await forge({ aud: null }))).rejects.toThrow('missing required "aud" claim')
  })

  it('refuses another secret, alg none and an expired ticket', async () => {
    await expect(verifyTicket(await forge({ secret: 'another-secret-0123456789abcdef' }))).rejects.toThrow('signature verification failed')
    const [, p] = (await issueTicket(row)).split('.')
    await expect(verifyTicket(`${Buffer.from('{"alg":"none"}').toString('base64url')}.${p}.`)).rejects.toThrow()
    const ticket = await issueTicket(row)
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() + 66_000) // 60 s, plus the 5 s of clock tolerance
    await expect(verifyTicket(ticket)).rejects.toThrow(/"exp" claim timestamp check failed|maxTokenAge|"iat"/)
  })

  it('refuses schema breaks: no subject, no or fractional ver, unknown role or step', async () => {
    for (const bad of [
      { sub: null },
      { sub: '' },
      { payload: { claims } },
      { payload: { ver: 1.5, claims } },
      { payload: { ver: 2, claims: { ...claims, role: 'root' } } },
      { payload: { ver: 2, claims: { ...claims, onboardingStep: 'DONE' } } },
      { payload: { ver: 2 } },
    ]) {
      await expect(verifyTicket(await forge(bad)), JSON.stringify(bad)).rejects.toThrow()
    }
    const extra = await verifyTicket(await forge({ payload: { ver: 2, claims: { ...claims, isAdmin: true } } }))
    expect(extra.claims).toEqual(claims)
  })

  it('refuses a non-string', async () => {
    for (const bad of [undefined, 42, null]) await expect(verifyTicket(bad)).rejects.toThrow('No ticket')
  })
})

describe('content/shared/users.ts', () => {
  it('creates INITIAL rows at version 1, and every write bumps the version', async () => {
    expect(await db.createUser('s1', 'Ada')).toEqual({ id: 's1', name: 'Ada', role: 'reader', onboardingStep: 'INITIAL', version: 1, sessionEpoch: 0, suspended: false })
    expect(await db.completeOnboarding('s1')).toEqual({ id: 's1', name: 'Ada', role: 'reader', onboardingStep: 'COMPLETED', version: 2, sessionEpoch: 0, suspended: false })
    expect(await db.findUser('s1')).toMatchObject({ version: 2 })
    expect(await db.completeOnboarding('nobody')).toBeNull()
    expect(await db.findUser('nobody')).toBeNull()
  })
})

describe('content/shared/ticket.ts pins its type and its age, as demo/tickets.ts does', () => {
  it('refuses a validly signed JWT of another type, or of no type', async () => {
    await expect(verifyTicket(await forge({ typ: 'JWT' }))).rejects.toThrow(/typ/)
    await expect(verifyTicket(await forge({ typ: null }))).rejects.toThrow(/typ/)
  })

  it('refuses a ticket older than 60 s (plus 5 s tolerance) even when its exp says a day', async () => {
    const long = await forge({ exp: '1d' })
    const issued = Date.now()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(issued + 63_000)
    await expect(verifyTicket(long)).resolves.toMatchObject({ sub: 'u1' })
    vi.setSystemTime(issued + 66_000)
    await expect(verifyTicket(long)).rejects.toThrow(/maxTokenAge|"iat"/)
  })
})
