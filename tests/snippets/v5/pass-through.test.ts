// Chapters 3, 4 and 5 in Auth.js v5, against @auth/core's Auth() with plain Requests.
import { describe, expect, it } from 'vitest'
import { callbacks } from '@/content/v5/claims-callbacks'
import { sessionUpdateProvider as naiveProvider } from '@/content/v5/naive-provider'
import { sessionUpdateProvider as ticketProvider } from '@/content/v5/ticket-provider'
import { issueTicket } from '@/content/shared/ticket'
import { db } from '@/content/shared/users'
import { FORGED_ADMIN } from '../../support/forged'
import { auth, outcome } from './setup'

describe('v5 pass-through (chapters 3 and 4)', () => {
  it('the naive provider mints any user and role for an anonymous caller', async () => {
    const anonymous = await auth([naiveProvider], callbacks)()
    const reply = await anonymous.callback('session-update', { user: JSON.stringify(FORGED_ADMIN) })
    expect(outcome(reply).error).toBeNull()
    expect((await anonymous.session()).user).toMatchObject({ id: 'admin-0001', role: 'admin', onboardingStep: 'COMPLETED' })
  })

  it('gives the session a random sub when the returned user has no id', async () => {
    const client = auth([naiveProvider], callbacks)
    const [a, b] = [await client(), await client()]
    for (const c of [a, b]) await c.callback('session-update', { user: JSON.stringify({ name: 'Ada', role: 'reader' }) })
    const [ida, idb] = [(await a.session()).user.id, (await b.session()).user.id]
    expect(ida).toMatch(/^[0-9a-f-]{36}$/)
    expect(ida).not.toBe(idb)
  })
})

describe('v5 hardened pass-through (chapter 5)', () => {
  it('refuses the naive attack, and applies a real ticket once', async () => {
    const client = auth([ticketProvider], callbacks)
    const anonymous = await client()
    const attack = outcome(await anonymous.callback('session-update', { user: JSON.stringify(FORGED_ADMIN) }))
    expect(attack).toMatchObject({ error: 'CredentialsSignin', code: 'no_session' })
    expect(await anonymous.session()).toBeNull()

    const c = await client('Grace')
    const before = (await c.session()).user
    const row = (await db.completeOnboarding(before.id))!
    const ticket = await issueTicket(row)
    expect(outcome(await c.callback('session-update', { ticket })).error).toBeNull()
    expect((await c.session()).user).toEqual({ ...before, onboardingStep: 'COMPLETED' })
    expect(outcome(await c.callback('session-update', { ticket }))).toMatchObject({ error: 'CredentialsSignin', code: 'used_ticket' })

    const mallory = await client('Mallory')
    expect(outcome(await mallory.callback('session-update', { ticket })).code).toBe('foreign_ticket')
    expect(outcome(await mallory.callback('session-update', { ticket: ticket.slice(0, -4) })).code).toBe('invalid_ticket')
    expect((await mallory.session()).user.onboardingStep).toBe('INITIAL')
  })
})
