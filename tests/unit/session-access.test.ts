// demo/session-access.ts and the rule under it (stale/policy.ts `refusal`), against a real SQLite file: the rule
// row by row, its SQL twin in the writes agreeing with it, whose row a naive session is judged by, and the CSRF
// pre-check the guest budget waits for (demo/csrf.ts). revocation.test.ts drives the same through every path.
import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { csrfCookieName, csrfTokenVerified } from '@/demo/csrf'
import { db } from '@/demo/db'
import { withReadCounter } from '@/demo/db-reads'
import { ADMITTED_SQL, admitNow, assertAdmitted, ENDED, honour, SessionRefused } from '@/demo/session-access'
import { decide, refusal } from '@/demo/stale/policy'
import { readAccess } from '@/demo/stale/store'
import { completeOnboarding, createGuest } from '@/demo/users'

const reads = <T,>(fn: () => T) => withReadCounter((c) => ({ value: fn(), reads: c.reads }))

describe('the rule', () => {
  const CASES = [
    { row: { suspended: false, sessionEpoch: 0 }, epoch: 0, want: null },
    { row: { suspended: 0, sessionEpoch: 1 }, epoch: 1, want: null },
    { row: { suspended: false, sessionEpoch: 1 }, epoch: 2, want: null },
    { row: { suspended: false, sessionEpoch: 1 }, epoch: 0, want: 'revoked' },
    { row: { suspended: 0, sessionEpoch: 1 }, epoch: undefined, want: 'revoked' },
    { row: { suspended: true, sessionEpoch: 0 }, epoch: 0, want: 'suspended' },
    { row: { suspended: 1, sessionEpoch: 3 }, epoch: 0, want: 'suspended' },
    { row: undefined, epoch: 0, want: 'deleted' },
  ] as const

  it('refusal(): gone, suspended, or an epoch past the session’s, in that order', () => {
    for (const { row, epoch, want } of CASES) expect(refusal(row, epoch), JSON.stringify({ row, epoch })).toBe(want)
  })

  it('ADMITTED_SQL lets a write through exactly when refusal() admits the session', () => {
    for (const { row, epoch, want } of CASES) {
      if (!row) continue
      const { id } = createGuest('Rule')
      db().prepare('UPDATE users SET suspended = ?, session_epoch = ? WHERE id = ?').run(Number(row.suspended), row.sessionEpoch, id)
      const written = completeOnboarding(id, 'learn', epoch ?? 0)
      expect(written !== undefined, JSON.stringify({ row, epoch })).toBe(want === null)
      expect(ADMITTED_SQL).toBe('suspended = 0 AND session_epoch <= ?')
    }
  })

  it('each refusal has its own message, thrown as SessionRefused', () => {
    expect(new Set(Object.values(ENDED)).size).toBe(3)
    const error = new SessionRefused('revoked')
    expect(error).toBeInstanceOf(Error)
    expect(error.reason).toBe('revoked')
    expect(error.message).toBe(ENDED.revoked)
  })

  it('each message tells the reader why, and what to do (the 403 and the sign-in error show it as it is)', () => {
    expect(new SessionRefused('suspended').message).toBe('Refused: this user is suspended. Sign in as another guest.')
    expect(new SessionRefused('revoked').message).toMatch(/^Refused: this session was signed out everywhere .* Sign in again\.$/)
    expect(new SessionRefused('deleted').message).toMatch(/^Refused: the user of this session no longer exists .* Sign in again\.$/)
  })
})

describe('admitNow(): whose row, read now', () => {
  it('a session’s own row; a naive session’s caller (realSub), never the forged id', () => {
    const real = createGuest('Real')
    db().prepare('UPDATE users SET suspended = 1 WHERE id = ?').run(real.id)
    const other = createGuest('Victim')
    expect(reads(() => admitNow({ sub: real.id, epoch: 0 }))).toEqual({ value: 'suspended', reads: 1 })
    expect(admitNow({ sub: other.id, mintedBy: 'session-update-naive', realSub: real.id, epoch: 0 })).toBe('suspended')
    expect(admitNow({ sub: real.id, mintedBy: 'session-update-naive', realSub: other.id, epoch: 0 })).toBeNull()
    // A naive session minted with no session before it belongs to no one: nothing to read, nothing to refuse.
    expect(reads(() => admitNow({ sub: real.id, mintedBy: 'session-update-naive' }))).toEqual({ value: null, reads: 0 })
    expect(admitNow({ sub: 'no-such-user' })).toBe('deleted')
  })

  it('decides on a row the caller already holds, with no read', () => {
    expect(reads(() => admitNow({ sub: 'anyone', epoch: 1 }, { suspended: 0, sessionEpoch: 2 }))).toEqual({ value: 'revoked', reads: 0 })
    expect(() => assertAdmitted({ sub: 'anyone', epoch: 2 }, { suspended: 0, sessionEpoch: 2 })).not.toThrow()
    expect(() => assertAdmitted({ sub: 'anyone', epoch: 2 }, { suspended: 1, sessionEpoch: 2 })).toThrow(ENDED.suspended)
  })
})

describe('honour(): by the session’s own policy', () => {
  it('none keeps a suspended user’s session (the lesson); epoch ends it; throttled refreshes a live one', () => {
    const { id } = createGuest('Policy')
    const token = { sub: id, epoch: 0, role: 'reader' }
    db().prepare("UPDATE users SET role = 'editor' WHERE id = ?").run(id)
    expect(honour({ ...token, stalePolicy: 'throttled', checkedAt: 0 }, 1_000_000)).toMatchObject({ role: 'editor', checkedAt: 1_000_000 })
    db().prepare('UPDATE users SET suspended = 1 WHERE id = ?').run(id)
    expect(honour({ ...token, stalePolicy: 'none' })).toMatchObject(token)
    expect(() => honour({ ...token, stalePolicy: 'epoch' })).toThrow(SessionRefused)
    expect(() => honour({ ...token, stalePolicy: 'throttled', checkedAt: 0 })).toThrow(ENDED.suspended)
  })

  it('a naive session: judged by its caller’s row, its forged claims kept on a throttled refresh', () => {
    const real = createGuest('Caller')
    const forged = { sub: 'admin-0001', role: 'admin', onboardingStep: 'COMPLETED', mintedBy: 'session-update-naive', realSub: real.id, epoch: 0 }
    const refreshed = decide({ ...forged, stalePolicy: 'throttled', checkedAt: 0 }, 5_000, readAccess)
    expect(refreshed).toEqual({ kind: 'refresh', token: { ...forged, stalePolicy: 'throttled', checkedAt: 5_000 } })
    expect(decide({ ...forged, stalePolicy: 'epoch' }, 5_000, readAccess)).toEqual({ kind: 'keep' })
    db().prepare('UPDATE users SET session_epoch = 1 WHERE id = ?').run(real.id)
    expect(decide({ ...forged, stalePolicy: 'epoch' }, 5_000, readAccess)).toEqual({ kind: 'end', reason: 'revoked' })
    // With no caller behind it, nothing is read and nothing ends.
    const { realSub: _, ...anonymous } = forged
    expect(reads(() => decide({ ...anonymous, stalePolicy: 'epoch' }, 5_000, readAccess))).toEqual({ value: { kind: 'keep' }, reads: 0 })
  })
})

describe('the CSRF pre-check (next-auth’s double submit, made before the guest budget is charged)', () => {
  const secret = 'csrf-secret'
  const cookieFor = (token: string, s = secret) => `${token}|${createHash('sha256').update(`${token}${s}`).digest('hex')}`
  const header = (value: string, secure = false) => `${csrfCookieName(secure)}=${encodeURIComponent(value)}`

  it('names the cookie as next-auth does: __Host- on https', () => {
    expect(csrfCookieName(false)).toBe('next-auth.csrf-token')
    expect(csrfCookieName(true)).toBe('__Host-next-auth.csrf-token')
  })

  it('accepts the posted token only with the cookie this secret made for it', () => {
    expect(csrfTokenVerified(header(cookieFor('abc')), 'abc', secret, false)).toBe(true)
    expect(csrfTokenVerified(header(cookieFor('abc'), true), 'abc', secret, true)).toBe(true)
    expect(csrfTokenVerified(header(cookieFor('abc'), true), 'abc', secret, false)).toBe(false) // another cookie name
    expect(csrfTokenVerified(header(cookieFor('abc')), 'abd', secret, false)).toBe(false)
    expect(csrfTokenVerified(header(cookieFor('abc')), 'ab', secret, false)).toBe(false)
    expect(csrfTokenVerified(header(cookieFor('abc', 'other')), 'abc', secret, false)).toBe(false)
    expect(csrfTokenVerified(undefined, 'abc', secret, false)).toBe(false)
    expect(csrfTokenVerified(header(cookieFor('abc')), undefined, secret, false)).toBe(false)
    expect(csrfTokenVerified(header(cookieFor('abc')), ['abc'], secret, false)).toBe(false)
  })

  it('a malformed cookie is a refusal, not a throw', () => {
    for (const value of ['abc', 'abc|', '|abc', '', '|', `abc|${'0'.repeat(64)}`]) {
      expect(csrfTokenVerified(header(value), 'abc', secret, false), value).toBe(false)
    }
  })
})
