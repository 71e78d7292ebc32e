// The hardened provider's `authorize`, called as next-auth calls it, with a real encrypted session cookie
// and a real ticket signed with the key the demo derives from its secret.
import { describe, expect, it } from 'vitest'
import type { CredentialsConfig } from 'next-auth/providers/credentials'
import { authOptions } from '@/demo/auth-options'
import { sessionUpdateProvider } from '@/demo/providers/session-update'
import { issueTicket } from '@/demo/tickets'
import type { UserRow } from '@/demo/users'
import { sessionCookie } from '../support/demo-session'

const SID = 'sid-1'
/** A ticket for the session above (its `sid`), as the mutation issues it. */
const ticketFor = (r: UserRow, sid = SID) => issueTicket(r, sid)

const authorize = (provider: { options?: unknown }) => (provider.options as CredentialsConfig).authorize
const hardened = authorize(sessionUpdateProvider)

const row = (patch: Partial<UserRow> = {}): UserRow => ({
  id: 'u1', name: 'Ada L.', email: null, image: null, role: 'reader', onboardingStep: 'COMPLETED', goal: 'learn', version: 2, suspended: 0, sessionEpoch: 0, ...patch,
})
const session = { sub: 'u1', name: 'Ada', email: 'ada@example.com', picture: 'https://example.com/a.png', role: 'reader', onboardingStep: 'INITIAL', ver: 1, mintedBy: 'demo', signedInWith: 'demo', signedInAt: 1700000000, sid: 'sid-1' }

async function call(ticket: unknown, cookie?: string) {
  return hardened({ ticket } as never, { headers: cookie === undefined ? {} : { cookie } } as never)
}

describe('the hardened provider (demo/providers/session-update.ts)', () => {
  it('applies the ticket over the current session: the ticket’s claims win, the rest is carried over', async () => {
    const user = await call(await ticketFor(row({ role: 'editor' })), await sessionCookie(session))
    expect(user).toEqual({
      id: 'u1',
      name: 'Ada L.',
      email: 'ada@example.com',
      image: 'https://example.com/a.png',
      role: 'editor',
      onboardingStep: 'COMPLETED',
      ver: 2,
      signedInWith: 'demo',
      signedInAt: 1700000000,
      sid: SID,
    })
  })

  it('accepts the first ticket of a session that carries no version yet', async () => {
    const { ver: _none, ...unversioned } = session
    await expect(call(await ticketFor(row({ version: 1 })), await sessionCookie(unversioned))).resolves.toMatchObject({ ver: 1 })
  })

  it('refuses when the request carries no session, or one that does not decrypt', async () => {
    const ticket = await ticketFor(row())
    for (const cookie of [undefined, '', 'next-auth.session-token=not-a-jwe', 'other=1']) {
      await expect(call(ticket, cookie), String(cookie)).rejects.toThrow('No current session')
    }
  })

  it('refuses a session without a subject', async () => {
    const { sub: _none, ...anonymous } = session
    await expect(call(await ticketFor(row()), await sessionCookie(anonymous))).rejects.toThrow('No current session')
  })

  it('refuses a session sealed with another secret', async () => {
    const { encode } = await import('next-auth/jwt')
    const foreign = `next-auth.session-token=${await encode({ token: session, secret: 'another-secret-0123456789abcdef' })}`
    await expect(call(await ticketFor(row()), foreign)).rejects.toThrow('No current session')
  })

  it('refuses a ticket issued to another user', async () => {
    const cookie = await sessionCookie({ ...session, sub: 'u2' })
    await expect(call(await ticketFor(row()), cookie)).rejects.toThrow('issued to another user')
  })

  it('refuses a ticket issued to another session of the same user (another sign-in, device or saved cookie)', async () => {
    const cookie = await sessionCookie(session)
    await expect(call(await ticketFor(row(), 'sid-2'), cookie)).rejects.toThrow('issued to another session of your user')
    const { sid: _none, ...sessionWithoutSid } = session
    await expect(call(await ticketFor(row()), await sessionCookie(sessionWithoutSid))).rejects.toThrow('issued to another session of your user')
  })

  it('answers TicketAlreadyApplied to a replayed ticket (same version as the session) and a stale one (older)', async () => {
    const cookie = await sessionCookie({ ...session, ver: 3 })
    for (const version of [3, 2, 1]) {
      await expect(call(await ticketFor(row({ version })), cookie), `ver ${version}`).rejects.toThrow(/^TicketAlreadyApplied$/)
    }
    await expect(call(await ticketFor(row({ version: 4 })), cookie)).resolves.toMatchObject({ ver: 4 })
  })

  it('refuses a missing or forged ticket before reading anything from it', async () => {
    const cookie = await sessionCookie(session)
    await expect(call(undefined, cookie)).rejects.toThrow('No ticket was sent.')
    const forged = (await ticketFor(row())).replace(/\.[^.]+$/, '.AAAA')
    await expect(call(forged, cookie)).rejects.toThrow('The ticket signature is not valid.')
  })

  it('is the provider the demo’s auth options use, wrapped by the cookie budget', async () => {
    const provider = authOptions.providers.find((p) => (p.options as CredentialsConfig | undefined)?.id === 'session-update')!
    expect((provider.options as CredentialsConfig).name).toBe('Session update (signed ticket)')
    const user = await authorize(provider)({ ticket: await ticketFor(row()) } as never, { headers: { cookie: await sessionCookie(session) } } as never)
    expect(user).toMatchObject({ id: 'u1', onboardingStep: 'COMPLETED', ver: 2 })
    // A ticket small enough to be one of ours, over a session whose other claims (a long picture URL) make the
    // re-minted token too big for one cookie: refused before any cookie is written.
    const big = await sessionCookie({ ...session, picture: `https://example.com/${'a'.repeat(2000)}` })
    await expect(authorize(provider)({ ticket: await ticketFor(row({ name: 'x'.repeat(1200) })) } as never, { headers: { cookie: big } } as never)).rejects.toThrow(/Refused: this session would need a \d+-byte cookie/)
  })
})
