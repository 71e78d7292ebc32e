// The naive provider's authorize() (and the ticket provider's, with parts of the request missing) as next-auth calls it (demo/providers/session-update-naive.ts), without the HTTP
// round trip naive-sessions.test.ts makes: what it does with no or bad input, and what it carries over from the
// caller's own session (who the caller really is, the epoch and the stale-claims policy), on real cookies and rows.
import type { JWT } from 'next-auth/jwt'
import { describe, expect, it } from 'vitest'
import { sessionUpdateProvider } from '@/demo/providers/session-update'
import { naiveSessionUpdateProvider } from '@/demo/providers/session-update-naive'
import { bumpEpoch } from '@/demo/stale/store'
import { createGuest } from '@/demo/users'
import { sessionCookie } from '../support/demo-session'

type Authorize = (credentials: Record<string, string> | undefined, req: unknown) => Promise<Record<string, unknown> | null>
const authorize = (naiveSessionUpdateProvider as unknown as { options: { authorize: Authorize } }).options.authorize
const forged = JSON.stringify({ id: 'anyone', role: 'editor', onboardingStep: 'COMPLETED' })

describe('the naive provider’s authorize()', () => {
  it('no credentials, no user field, or JSON that does not parse: no session (null), never a throw', async () => {
    expect(await authorize(undefined, { headers: {} })).toBeNull()
    expect(await authorize({}, { headers: {} })).toBeNull()
    expect(await authorize({ user: '' }, { headers: {} })).toBeNull()
    expect(await authorize({ user: '{not json' }, { headers: {} })).toBeNull()
    expect(await authorize({ user: '{"id":{"toString":1}}' }, { headers: {} })).toBeNull()
  })

  it('with no session before it (or no request): the forged user as posted, tied to no account', async () => {
    expect(await authorize({ user: forged }, undefined)).toEqual({ id: 'anyone', role: 'editor', onboardingStep: 'COMPLETED' })
    expect(await authorize({ user: forged }, { headers: {} })).toEqual({ id: 'anyone', role: 'editor', onboardingStep: 'COMPLETED' })
  })

  it('over the caller’s session: the caller’s id as realSub, and the session’s epoch, policy and last check', async () => {
    const me = createGuest('Caller')
    const token: JWT = { sub: me.id, mintedBy: 'demo', epoch: 0, stalePolicy: 'throttled', checkedAt: 1_700_000_000 }
    const user = await authorize({ user: forged }, { headers: { cookie: await sessionCookie(token) } })
    expect(user).toEqual({ id: 'anyone', role: 'editor', onboardingStep: 'COMPLETED', realSub: me.id, epoch: 0, stalePolicy: 'throttled', checkedAt: 1_700_000_000 })
  })

  it('over a naive session: its realSub and epoch passed on, never the forged id it carries', async () => {
    const me = createGuest('Caller')
    const naive: JWT = { sub: 'forged-before', mintedBy: 'session-update-naive', realSub: me.id, epoch: 0, stalePolicy: 'epoch' }
    const user = await authorize({ user: forged }, { headers: { cookie: await sessionCookie(naive) } })
    expect(user).toMatchObject({ id: 'anyone', realSub: me.id, epoch: 0, stalePolicy: 'epoch' })
    expect(user).not.toHaveProperty('checkedAt', expect.anything())
  })

  it('keeps an epoch above 0: the naive session is judged at the caller’s own epoch, not a fresh one', async () => {
    const me = createGuest('Caller')
    bumpEpoch(me.id)
    bumpEpoch(me.id)
    const token: JWT = { sub: me.id, mintedBy: 'demo', epoch: 2, stalePolicy: 'epoch' }
    expect(await authorize({ user: forged }, { headers: { cookie: await sessionCookie(token) } })).toMatchObject({ realSub: me.id, epoch: 2 })
    // A session minted before the bumps is refused outright (SessionRefused, a 401 with its message).
    await expect(authorize({ user: forged }, { headers: { cookie: await sessionCookie({ ...token, epoch: 1 }) } })).rejects.toThrow(/^Refused: this session was signed out everywhere/)
  })
})

describe('the ticket provider’s authorize() with parts of the request missing', () => {
  it('no headers: no current session; no credentials: no ticket (refusals with a message, not TypeErrors)', async () => {
    const ticketAuthorize = (sessionUpdateProvider as unknown as { options: { authorize: Authorize } }).options.authorize
    await expect(ticketAuthorize({ ticket: 'x' }, {})).rejects.toThrow(/^No current session/)
    const me = createGuest('Ticket holder')
    const cookie = await sessionCookie({ sub: me.id, mintedBy: 'demo', sid: 's1', ver: 1, epoch: 0 })
    await expect(ticketAuthorize(undefined, { headers: { cookie } })).rejects.toThrow('No ticket was sent.')
  })
})
