// demo/claims.ts: the one place where a user becomes a token and a token a session.
import { afterEach, describe, expect, it, vi } from 'vitest'
import { ONBOARDING_COMPLETED, ONBOARDING_INITIAL, PROVIDERS, signInToken, tokenFromRow, tokenFromUser, userFromRow, userFromToken } from '@/demo/claims'
import type { UserRow } from '@/demo/users'

const row: UserRow = { id: 'u1', name: 'Ada', email: 'a@example.com', image: 'i.png', role: 'admin', onboardingStep: 'COMPLETED', goal: 'ship', version: 4, suspended: 0, sessionEpoch: 0 }
afterEach(() => vi.useRealTimers())

describe('claims', () => {
  it('names the steps and the providers', () => {
    expect([ONBOARDING_INITIAL, ONBOARDING_COMPLETED]).toEqual(['INITIAL', 'COMPLETED'])
    expect(PROVIDERS).toEqual({ guest: 'demo', github: 'github', ticket: 'session-update', naive: 'session-update-naive', restore: 'session-restore' })
  })

  it('userFromRow: the row’s claims, the version as ver, and the sign-in origin when given', () => {
    const user = { id: 'u1', name: 'Ada', email: 'a@example.com', image: 'i.png', role: 'admin', onboardingStep: 'COMPLETED', ver: 4 }
    expect(userFromRow(row)).toEqual(user)
    expect(userFromRow(row, { signedInWith: 'github', signedInAt: 5 })).toEqual({ ...user, signedInWith: 'github', signedInAt: 5 })
  })

  it('userFromToken: rebuilds the user a provider returns from the current token', () => {
    const token = { sub: 'u1', name: 'Ada', email: 'e', picture: 'p', role: 'reader', onboardingStep: 'INITIAL', ver: 1, signedInWith: 'demo', signedInAt: 7, mintedBy: 'demo' }
    expect(userFromToken(token)).toEqual({ id: 'u1', name: 'Ada', email: 'e', image: 'p', role: 'reader', onboardingStep: 'INITIAL', ver: 1, signedInWith: 'demo', signedInAt: 7 })
    expect(userFromToken({}).id).toBe('')
  })

  it('tokenFromUser: our claims over next-auth’s, with safe defaults for what the user lacks', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(1_700_000_000_500)
    const base = { name: 'N', email: null, picture: null, sub: 'old', role: 'admin', extra: 1 }
    expect(tokenFromUser(base, { id: 7 as never }, 'demo')).toEqual({
      name: 'N', email: null, picture: null, extra: 1,
      sub: '7', role: 'reader', onboardingStep: 'INITIAL', ver: 0, mintedBy: 'demo', signedInWith: 'demo', signedInAt: 1_700_000_000,
      sid: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    expect(tokenFromUser(base, { id: 'u', ver: '3' as never }, 'x').ver).toBe(0)
    const full = { id: 'u', role: 'admin', onboardingStep: 'COMPLETED', ver: 3, signedInWith: 'github', signedInAt: 9, sid: 's-1' }
    expect(tokenFromUser({}, full, 'session-update')).toEqual({ sub: 'u', role: 'admin', onboardingStep: 'COMPLETED', ver: 3, mintedBy: 'session-update', signedInWith: 'github', signedInAt: 9, sid: 's-1' })
  })

  it('tokenFromUser: realSub only on a naive session, and only when the server set it', () => {
    // realSub names the caller behind a naive session (accountOf): on any other session it would let a user pick
    // which row decides whether the session may live.
    const user = { id: 'u', realSub: 'real-caller' }
    for (const provider of Object.values(PROVIDERS).filter((p) => p !== PROVIDERS.naive)) {
      expect(tokenFromUser({}, user, provider), provider).not.toHaveProperty('realSub')
    }
    expect(tokenFromUser({}, user, PROVIDERS.naive).realSub).toBe('real-caller')
    expect(tokenFromUser({}, { id: 'u' }, PROVIDERS.naive)).not.toHaveProperty('realSub')
  })

  it('tokenFromUser: the stale claims (epoch, policy, last check) only when the user has them, an epoch of 0 included', () => {
    const base = { sub: 'u', epoch: 3, stalePolicy: 'epoch', checkedAt: 11 }
    // A user without them leaves the base token's alone: no key set to undefined over them.
    expect(tokenFromUser(base, { id: 'u' }, 'demo')).toMatchObject({ epoch: 3, stalePolicy: 'epoch', checkedAt: 11 })
    const fresh = tokenFromUser({}, { id: 'u' }, 'demo')
    for (const claim of ['epoch', 'stalePolicy', 'checkedAt']) expect(fresh, claim).not.toHaveProperty(claim)
    expect(tokenFromUser(base, { id: 'u', epoch: 0, stalePolicy: 'none', checkedAt: 12 }, 'demo')).toMatchObject({ epoch: 0, stalePolicy: 'none', checkedAt: 12 })
  })

  it('signInToken: next-auth’s default claims (name, email, picture, sub), then ours', () => {
    expect(signInToken({ id: 'u', name: 'A', email: 'e', image: 'p', ver: 1 }, 'demo')).toMatchObject({ name: 'A', email: 'e', picture: 'p', sub: 'u', ver: 1, mintedBy: 'demo' })
  })

  it('tokenFromRow: the row wins for name, role, step and version; the rest of the token stays', () => {
    const token = { sub: 'u1', name: 'Old', role: 'reader', onboardingStep: 'INITIAL', ver: 1, mintedBy: 'demo', email: 'keep' }
    expect(tokenFromRow(token, row)).toEqual({ sub: 'u1', name: 'Ada', role: 'admin', onboardingStep: 'COMPLETED', ver: 4, mintedBy: 'demo', email: 'keep' })
  })
})
