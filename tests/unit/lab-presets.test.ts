// The token lab's presets (content/lab/*/auth.ts) against the same attacks as the demo, called as Auth.js calls
// them: `authorize(credentials, request)` with a real session cookie (Auth.js's own `encode`, the lab's secret and
// salt) and real tickets from the lab's server; the jwt callbacks on each trigger.
import { encode } from '@auth/core/jwt'
import { SignJWT } from 'jose'
import { beforeEach, describe, expect, it } from 'vitest'
import naive from '@/content/lab/naive/auth'
import ticketPreset from '@/content/lab/ticket/auth'
import updatePreset from '@/content/lab/update/auth'
import responsePreset from '@/content/lab/response/auth'
import { LAB_SECRET, SESSION_COOKIE, issueTicket, resetLabServer, users, type LabUser } from '@/content/lab/server'
import { FORGED_ADMIN } from '../support/forged'

type Config = { providers: unknown[]; callbacks: Record<string, (...args: any[]) => any> }
const authorize = (config: Config) => (config.providers[0] as { options: { authorize: (c: unknown, r: Request) => Promise<any> } }).options.authorize

const ada: LabUser = { id: 'user-0042', name: 'Ada', email: 'ada@example.com', role: 'reader', onboardingStep: 'COMPLETED', ver: 2 }
const session = { sub: 'user-0042', name: 'Ada', email: 'ada@example.com', role: 'reader', onboardingStep: 'INITIAL', ver: 1 }

async function request(token?: Record<string, unknown>, name = SESSION_COOKIE) {
  const headers = new Headers()
  if (token) headers.set('cookie', `${name}=${await encode({ token, secret: LAB_SECRET, salt: SESSION_COOKIE })}`)
  return new Request('http://localhost/api/auth/callback/session-update', { method: 'POST', headers })
}

beforeEach(() => resetLabServer())

describe('ticket preset: authorize', () => {
  const call = async (ticket: unknown, token?: Record<string, unknown>) => authorize(ticketPreset)({ ticket }, await request(token))

  it('applies the ticket: its claims win over the session’s, id and email are carried over', async () => {
    const user = await call(await issueTicket({ ...ada, role: 'editor' }), session)
    expect(user).toEqual({ id: 'user-0042', email: 'ada@example.com', name: 'Ada', role: 'editor', onboardingStep: 'COMPLETED', ver: 2 })
  })

  it('refuses without a session, with a cookie sealed under another secret or name, and a session with no subject', async () => {
    const ticket = await issueTicket(ada)
    await expect(call(ticket)).rejects.toThrow('No current session')
    await expect(authorize(ticketPreset)({ ticket }, await request(session, 'other'))).rejects.toThrow('No current session')
    const { sub: _none, ...anonymous } = session
    await expect(call(ticket, anonymous)).rejects.toThrow('No current session')
    const foreign = new Request('http://localhost/', { headers: { cookie: `${SESSION_COOKIE}=${await encode({ token: session, secret: 'other-secret', salt: SESSION_COOKIE })}` } })
    await expect(authorize(ticketPreset)({ ticket }, foreign)).rejects.toThrow()
  })

  it('refuses a ticket issued to another user', async () => {
    await expect(call(await issueTicket(ada), { ...session, sub: 'admin-0001' })).rejects.toThrow('This ticket was issued to another user.')
  })

  it('refuses a replayed (same version) or stale (older) ticket, accepts the next version', async () => {
    for (const ver of [3, 2]) await expect(call(await issueTicket({ ...ada, ver }), { ...session, ver: 3 }), `ver ${ver}`).rejects.toThrow('not newer')
    await expect(call(await issueTicket({ ...ada, ver: 4 }), { ...session, ver: 3 })).resolves.toMatchObject({ ver: 4 })
    const { ver: _none, ...unversioned } = session
    await expect(call(await issueTicket({ ...ada, ver: 1 }), unversioned)).resolves.toMatchObject({ ver: 1 })
  })

  it('refuses the forged user JSON that beats the naive preset, and a forged ticket', async () => {
    await expect(authorize(ticketPreset)({ user: JSON.stringify(FORGED_ADMIN) }, await request(session))).rejects.toThrow('No ticket was sent.')
    const [h, p] = (await issueTicket(ada)).split('.')
    await expect(call(`${h}.${p}.`, session)).rejects.toThrow()
    const none = `${Buffer.from('{"alg":"none","typ":"session-update+jwt"}').toString('base64url')}.${p}.`
    await expect(call(none, session)).rejects.toThrow()
    const wrongKey = await new SignJWT({ ver: 9, claims: { role: 'admin' } }).setProtectedHeader({ alg: 'HS256', typ: 'session-update+jwt' }).setSubject('user-0042').setAudience('session-update').setIssuedAt().setExpirationTime('60s').sign(new TextEncoder().encode(LAB_SECRET))
    await expect(call(wrongKey, session)).rejects.toThrow('signature verification failed')
  })
})

describe('the presets’ jwt callbacks', () => {
  const token = () => ({ sub: 'user-0042', name: 'Ada', role: 'reader', onboardingStep: 'INITIAL', ver: 1 })

  it('ticket: copies role, step and version from the signed-in user, and nothing on other requests', () => {
    const jwt = ticketPreset.callbacks.jwt as Config['callbacks'][string]
    expect(jwt({ token: token(), user: { role: 'admin', onboardingStep: 'COMPLETED', ver: 5, plan: 'pro' } })).toEqual({ ...token(), role: 'admin', onboardingStep: 'COMPLETED', ver: 5 })
    expect(jwt({ token: token(), user: undefined, trigger: 'update', session: { role: 'admin' } })).toEqual(token())
  })

  it('naive: copies role and step from whatever user signed in', () => {
    const jwt = naive.callbacks.jwt as Config['callbacks'][string]
    expect(jwt({ token: token(), user: { role: 'admin', onboardingStep: 'COMPLETED', ver: 5 } })).toEqual({ ...token(), role: 'admin', onboardingStep: 'COMPLETED' })
    expect(jwt({ token: token(), user: undefined })).toEqual(token())
  })

  it('both pass-through presets register the provider id their update.ts signs in with', async () => {
    const { readFileSync } = await import('node:fs')
    for (const [name, preset] of [['naive', naive], ['ticket', ticketPreset]] as const) {
      const called = /signIn\('([^']+)'/.exec(readFileSync(`content/lab/${name}/update.ts`, 'utf8'))?.[1]
      expect(called, name).toBe('session-update')
      expect((preset.providers[0] as unknown as { options: { id: string } }).options.id, name).toBe(called)
    }
  })

  it('naive: authorize mints anyone (the lesson), and nothing without user JSON', async () => {
    await expect(authorize(naive)({ user: JSON.stringify(FORGED_ADMIN) }, await request())).resolves.toEqual(FORGED_ADMIN)
    await expect(authorize(naive)({}, await request())).resolves.toBeNull()
    await expect(authorize(naive)(undefined, await request())).resolves.toBeNull()
  })

  it('update: a step is taken only once the row agrees, a role never, and only on trigger "update"', () => {
    const jwt = updatePreset.callbacks.jwt as Config['callbacks'][string]
    const update = (session: unknown, t = token()) => jwt({ token: t, user: undefined, trigger: 'update', session })
    expect(update({ onboardingStep: 'COMPLETED', role: 'admin' })).toEqual(token())
    users.completeOnboarding('user-0042')
    expect(update({ onboardingStep: 'COMPLETED', role: 'admin' })).toEqual({ ...token(), onboardingStep: 'COMPLETED' })
    expect(jwt({ token: token(), user: undefined, session: { onboardingStep: 'COMPLETED' } })).toEqual(token())
    expect(update(undefined)).toEqual(token())
    expect(update({ onboardingStep: 'COMPLETED' }, { ...token(), sub: 'nobody' })).toEqual({ ...token(), sub: 'nobody' })
    expect(updatePreset.providers).toEqual([])
  })

  it('update: an unknown step is refused even when the row holds it', () => {
    const jwt = updatePreset.callbacks.jwt as Config['callbacks'][string]
    const row = users.find('user-0042')!
    ;(row as { onboardingStep: string }).onboardingStep = 'HACKED'
    expect(jwt({ token: token(), user: undefined, trigger: 'update', session: { onboardingStep: 'HACKED' } })).toEqual(token())
    row.onboardingStep = 'PROFILE'
    expect(jwt({ token: token(), user: undefined, trigger: 'update', session: { onboardingStep: 'PROFILE' } })).toMatchObject({ onboardingStep: 'PROFILE' })
    row.onboardingStep = 'INITIAL'
    expect(jwt({ token: { ...token(), onboardingStep: 'COMPLETED' }, user: undefined, trigger: 'update', session: { onboardingStep: 'INITIAL' } })).toMatchObject({ onboardingStep: 'INITIAL' })
    expect(jwt({ token: token(), user: { role: 'admin', onboardingStep: 'COMPLETED' } })).toMatchObject({ role: 'admin', onboardingStep: 'COMPLETED' })
  })

  it('response: on trigger "update" (unstable_update) the claims come from the row, never from what was sent', () => {
    const jwt = responsePreset.callbacks.jwt as Config['callbacks'][string]
    const update = (sent: unknown, t = token()) => jwt({ token: t, user: undefined, trigger: 'update', session: sent })
    expect(update({ role: 'admin', onboardingStep: 'COMPLETED' })).toEqual({ ...token(), role: 'reader', onboardingStep: 'INITIAL' })
    users.completeOnboarding('user-0042')
    expect(update({ role: 'admin' })).toEqual({ ...token(), role: 'reader', onboardingStep: 'COMPLETED' })
    // Other requests leave the token alone; a sign-in copies the user's claims; a removed user has no session.
    expect(jwt({ token: token(), user: undefined })).toEqual(token())
    expect(jwt({ token: token(), user: { role: 'admin', onboardingStep: 'COMPLETED' } })).toMatchObject({ role: 'admin', onboardingStep: 'COMPLETED' })
    expect(update({}, { ...token(), sub: 'nobody' })).toBeNull()
    expect(responsePreset.providers).toEqual([])
  })

  it('every preset’s session callback exposes id, role and step', () => {
    for (const preset of [naive, ticketPreset, updatePreset, responsePreset]) {
      const session = (preset.callbacks.session as Config['callbacks'][string])({ session: { user: { name: 'Ada' }, expires: 'e' }, token: { sub: 'u', role: 'r', onboardingStep: 's', ver: 1 } })
      expect(session).toEqual({ user: { name: 'Ada', id: 'u', role: 'r', onboardingStep: 's' }, expires: 'e' })
    }
  })
})
