// Chapters 3 and 4: the article's pass-through provider, completed with callbacks, and the attack it allows.
import { decode } from 'next-auth/jwt'
import { describe, expect, it } from 'vitest'
import { callbacks } from '@/content/v4/claims-callbacks'
import { applyToSession } from '@/content/v4/complete-onboarding'
import { sessionUpdateProvider as naiveProvider } from '@/content/v4/naive-provider'
import CredentialsProvider from 'next-auth/providers/credentials'
import { asBrowser } from '../support/browser'
import { FORGED_ADMIN } from '../../support/forged'
import { serve } from './setup'

const tokenOf = async (jar: Map<string, string>) =>
  decode({ token: jar.get('next-auth.session-token'), secret: process.env.NEXTAUTH_SECRET! })

describe('the pass-through provider (chapter 3)', () => {
  it('updates the token in place, keeping sub, when the jwt and session callbacks copy the claims', async () => {
    const { client } = await serve([naiveProvider], callbacks)
    const c = await client('Ada')
    const before = await c.session()
    expect(before.user).toMatchObject({ name: 'Ada', role: 'reader', onboardingStep: 'INITIAL' })
    const reply = await c.callback('session-update', { user: JSON.stringify({ ...before.user, onboardingStep: 'COMPLETED' }) })
    expect(reply.status).toBe(200)
    expect((await c.session()).user).toMatchObject({ id: before.user.id, role: 'reader', onboardingStep: 'COMPLETED' })
  })

  it('loses every custom claim without the callbacks: the new token holds name, email, picture and sub only', async () => {
    const { client } = await serve([naiveProvider])
    const c = await client()
    await c.callback('session-update', { user: JSON.stringify({ id: 'u1', name: 'Ada', onboardingStep: 'COMPLETED', role: 'reader' }) })
    const token = await tokenOf(c.jar)
    expect(token).toMatchObject({ sub: 'u1', name: 'Ada' })
    expect(token).not.toHaveProperty('onboardingStep')
    expect((await c.session()).user).not.toHaveProperty('onboardingStep')
  })

  it('applyToSession goes on only when signIn says ok, with the real next-auth/react client', async () => {
    const { url, client } = await serve([naiveProvider], callbacks)
    const c = await client('Ada')
    const user = (await c.session()).user
    const visited: string[] = []
    const router = { replace: async (to: string) => void visited.push(to) as never }
    await asBrowser(url, c, () => applyToSession(user, router))
    expect(visited).toEqual(['/explore'])
    expect((await c.session()).user.onboardingStep).toBe('COMPLETED')

    // The same client code against a server whose provider refuses (as a ticket provider refuses user JSON):
    // signIn resolves, and applyToSession must not navigate.
    const refusing = CredentialsProvider({ id: 'session-update', credentials: {}, authorize: () => Promise.reject(new Error('Invalid ticket')) })
    const hardened = await serve([refusing], callbacks)
    const h = await hardened.client('Bob')
    await expect(asBrowser(hardened.url, h, () => applyToSession(user, router))).rejects.toThrow('Invalid ticket')
    expect(visited).toEqual(['/explore'])
  })
})

describe('why the naive version is dangerous (chapter 4)', () => {
  it('mints a session for any user id and role, for a caller with no account', async () => {
    const { client } = await serve([naiveProvider], callbacks)
    const anonymous = await client()
    expect(await anonymous.session()).toEqual({})
    const reply = await anonymous.callback('session-update', { user: JSON.stringify(FORGED_ADMIN) })
    expect(reply.status).toBe(200)
    expect((await anonymous.session()).user).toMatchObject({ id: 'admin-0001', role: 'admin', onboardingStep: 'COMPLETED' })
  })

  it('the CSRF token is no defence: it is handed to anyone, bound to no session', async () => {
    const { client } = await serve([naiveProvider], callbacks)
    const anonymous = await client()
    const reply = await anonymous.request('/api/auth/csrf')
    expect(reply.status).toBe(200)
    expect(reply.json.csrfToken).toMatch(/^[0-9a-f]{64}$/)
    expect(anonymous.jar.has('next-auth.csrf-token')).toBe(true)
    expect(anonymous.jar.has('next-auth.session-token')).toBe(false)
  })
})
