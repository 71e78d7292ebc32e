// Chapter 5: the signed, session-bound, replay-proof ticket, and the pass-through that re-reads the database.
import { SignJWT } from 'jose'
import { NextRequest } from 'next/server'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { db } from '@/content/shared/users'
import { callbacks } from '@/content/v4/claims-callbacks'
import { POST as completeOnboarding } from '@/content/v4/complete-onboarding-route'
import { sessionRefreshProvider } from '@/content/v4/reread-provider'
import { sessionUpdateProvider } from '@/content/v4/ticket-provider'
import type { Client } from '../../support/client'
import { FORGED_ADMIN } from '../../support/forged'
import { serve } from './setup'

afterEach(() => vi.restoreAllMocks())

/** The mutation route, called with the browser's own cookies. */
async function complete(c: Client) {
  const res = await completeOnboarding(new NextRequest(`${c.base}/api/onboarding/complete`, { method: 'POST', headers: { cookie: c.cookieHeader() } }))
  return { status: res.status, body: await res.json() }
}

describe('the hardened pass-through (chapter 5)', () => {
  it('refuses the very request that beats the naive provider', async () => {
    const { client } = await serve([sessionUpdateProvider], callbacks)
    const anonymous = await client()
    const reply = await anonymous.callback('session-update', { user: JSON.stringify(FORGED_ADMIN) })
    expect(reply.status).toBe(401)
    expect(reply.error).toBe('No session to update')
    expect(await anonymous.session()).toEqual({})
  })

  it('applies the ticket from the mutation without reading the database, and only once', async () => {
    const { client } = await serve([sessionUpdateProvider], callbacks)
    const c = await client('Grace')
    const before = (await c.session()).user
    const { status, body } = await complete(c)
    expect(status).toBe(200)
    const reads = vi.spyOn(db, 'findUser')
    const reply = await c.callback('session-update', { ticket: body.ticket })
    expect(reply.status).toBe(200)
    expect(reads).not.toHaveBeenCalled()
    expect((await c.session()).user).toEqual({ ...before, onboardingStep: 'COMPLETED' })

    const replay = await c.callback('session-update', { ticket: body.ticket })
    expect(replay.status).toBe(401)
    expect(replay.error).toBe('This ticket was used already')
  })

  it('refuses forged, self-signed and other users’ tickets, leaving the session as it was', async () => {
    const { client } = await serve([sessionUpdateProvider], callbacks)
    const victim = await client('Victim')
    const { body } = await complete(victim)
    const mallory = await client('Mallory')
    const before = await mallory.session()
    const sub = before.user.id
    const selfSigned = await new SignJWT({ ver: 99, claims: { role: 'admin', onboardingStep: 'COMPLETED' } })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(sub)
      .setAudience('session-update')
      .setExpirationTime('60s')
      .sign(new TextEncoder().encode('a-key-the-attacker-picked-0123456789'))
    const [head, payload] = body.ticket.split('.')
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`
    const cases = { "another user's": [body.ticket, 'This ticket belongs to another user'], 'self-signed': [selfSigned, 'Invalid ticket'], 'alg none': [unsigned, 'Invalid ticket'], truncated: [`${head}.${payload}`, 'Invalid ticket'] }
    for (const [name, [ticket, error]] of Object.entries(cases)) {
      const reply = await mallory.callback('session-update', { ticket })
      expect(reply.status, name).toBe(401)
      expect(reply.error, name).toBe(error)
    }
    expect((await mallory.session()).user).toEqual(before.user)
  })

  it('refuses an expired ticket', async () => {
    const { client } = await serve([sessionUpdateProvider], callbacks)
    const c = await client('Late')
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.now() - 120_000)
    const { body } = await complete(c)
    vi.useRealTimers()
    const reply = await c.callback('session-update', { ticket: body.ticket })
    expect(reply.status).toBe(401)
    expect((await c.session()).user.onboardingStep).toBe('INITIAL')
  })
})

describe('the pass-through that re-reads the database (chapter 5)', () => {
  it('ignores what the browser sends and copies the row: one database read', async () => {
    const { client } = await serve([sessionRefreshProvider], callbacks)
    const c = await client('Linus')
    const sub = (await c.session()).user.id
    const early = await c.callback('session-refresh', { user: JSON.stringify(FORGED_ADMIN) })
    expect(early.status).toBe(200)
    expect((await c.session()).user).toMatchObject({ id: sub, role: 'reader', onboardingStep: 'INITIAL' })

    await db.completeOnboarding(sub)
    const reads = vi.spyOn(db, 'findUser')
    expect((await c.callback('session-refresh', {})).status).toBe(200)
    expect(reads).toHaveBeenCalledTimes(1)
    expect((await c.session()).user).toMatchObject({ id: sub, role: 'reader', onboardingStep: 'COMPLETED' })
  })

  it('refuses a caller with no session', async () => {
    const { client } = await serve([sessionRefreshProvider], callbacks)
    const reply = await (await client()).callback('session-refresh', {})
    expect(reply.status).toBe(401)
  })
})
