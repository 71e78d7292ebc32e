import { SignJWT } from 'jose'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import type { UserRow } from '@/demo/users'

let tickets: typeof import('@/demo/tickets')
const row: UserRow = { id: 'u1', name: 'Ada', email: null, image: null, role: 'reader', onboardingStep: 'COMPLETED', goal: null, version: 2 }

beforeAll(async () => {
  process.env.NEXTAUTH_SECRET = 'unit-test-secret-0123456789abcdef'
  tickets = await import('@/demo/tickets')
})
afterEach(() => vi.useRealTimers())

describe('tickets', () => {
  it('round-trips subject, session id, version and claims', async () => {
    const ticket = await tickets.issueTicket(row, 'sid-1')
    expect(await tickets.verifyTicket(ticket)).toEqual({
      sub: 'u1',
      sid: 'sid-1',
      ver: 2,
      claims: { name: 'Ada', role: 'reader', onboardingStep: 'COMPLETED' },
    })
  })

  it('is signed with a key derived for tickets, not with the session secret itself', async () => {
    const withRawSecret = await new SignJWT({ ver: 2, claims: { name: 'Ada', role: 'admin', onboardingStep: 'COMPLETED' } })
      .setProtectedHeader({ alg: 'HS256', typ: 'session-update+jwt' })
      .setSubject('u1')
      .setAudience('session-update')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode(process.env.NEXTAUTH_SECRET))
    await expect(tickets.verifyTicket(withRawSecret)).rejects.toThrow('signature is not valid')
  })

  it('expires after 60 seconds, with a clock tolerance of 5 seconds', async () => {
    const ticket = await tickets.issueTicket(row, 'sid-1')
    const issued = Date.now()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(issued + 63_000)
    await expect(tickets.verifyTicket(ticket)).resolves.toMatchObject({ sid: 'sid-1' })
    vi.setSystemTime(issued + 66_000)
    await expect(tickets.verifyTicket(ticket)).rejects.toThrow('expired')
  })

  it('refuses alg none, a wrong type, a truncated token and non-strings, with a TicketRefused', async () => {
    const ticket = await tickets.issueTicket(row, 'sid-1')
    const [, payload] = ticket.split('.')
    const none = `${Buffer.from('{"alg":"none","typ":"session-update+jwt"}').toString('base64url')}.${payload}.`
    for (const bad of [none, ticket.slice(0, -3), ticket + 'x', 'a.b.c', '', 42, undefined, 'x'.repeat(5000)]) {
      await expect(tickets.verifyTicket(bad), String(bad).slice(0, 20)).rejects.toBeInstanceOf(tickets.TicketRefused)
    }
  })

  it('refuses a validly signed token of another type or audience', async () => {
    const other = await new SignJWT({ ver: 2, claims: row })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setSubject('u1')
      .setAudience('session-update')
      .setIssuedAt()
      .setExpirationTime('60s')
      .sign(new Uint8Array(32))
    await expect(tickets.verifyTicket(other)).rejects.toBeInstanceOf(tickets.TicketRefused)
  })
})
