// The guide's ticket (content/shared/ticket.ts) pins its type and its age, as the demo's demo/tickets.ts does.
import { SignJWT } from 'jose'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'

const SECRET = 'shared-ticket-test-secret-0123456789'
const row = { id: 'u1', name: 'Ada', role: 'reader', onboardingStep: 'COMPLETED', version: 2 }
let shared: typeof import('@/content/shared/ticket')

beforeAll(async () => {
  process.env.SESSION_UPDATE_SECRET = SECRET
  shared = await import('@/content/shared/ticket')
})
afterEach(() => vi.useRealTimers())

const sign = (typ: string | undefined, exp: string) =>
  new SignJWT({ ver: 2, claims: { role: 'admin', onboardingStep: 'COMPLETED' } })
    .setProtectedHeader(typ ? { alg: 'HS256', typ } : { alg: 'HS256' })
    .setSubject('u1')
    .setAudience('session-update')
    .setIssuedAt()
    .setExpirationTime(exp)
    .sign(new TextEncoder().encode(SECRET))

describe('content/shared/ticket.ts', () => {
  it('round-trips its own ticket', async () => {
    expect(await shared.verifyTicket(await shared.issueTicket(row as never))).toMatchObject({ sub: 'u1', ver: 2 })
  })

  it('refuses a validly signed JWT of another type, or of no type', async () => {
    await expect(shared.verifyTicket(await sign('JWT', '60s'))).rejects.toThrow(/typ/)
    await expect(shared.verifyTicket(await sign(undefined, '60s'))).rejects.toThrow(/typ/)
  })

  it('refuses a ticket older than 60 s (plus 5 s tolerance) even when its exp says a day', async () => {
    const long = await sign('session-update+jwt', '1d')
    const issued = Date.now()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(issued + 63_000)
    await expect(shared.verifyTicket(long)).resolves.toMatchObject({ sub: 'u1' })
    vi.setSystemTime(issued + 66_000)
    await expect(shared.verifyTicket(long)).rejects.toThrow(/maxTokenAge|"iat"/)
  })
})
