// The stale-claims decision and the row it reads, against a real SQLite file: a database made before the new
// columns existed is migrated in place, and each policy asks for exactly the reads it should.
import Database from 'better-sqlite3'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'sul-stale-'))
let users: typeof import('@/demo/users')
let store: typeof import('@/demo/stale/store')
let policy: typeof import('@/demo/stale/policy')
let reads: typeof import('@/demo/db-reads')

beforeAll(async () => {
  // An existing demo.sqlite from before this feature: the old schema, one row.
  const old = new Database(join(dir, 'demo.sqlite'))
  old.exec(`CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, email TEXT, image TEXT, role TEXT NOT NULL DEFAULT 'reader',
    onboarding_step TEXT NOT NULL DEFAULT 'INITIAL', goal TEXT, version INTEGER NOT NULL DEFAULT 1, github_id TEXT UNIQUE,
    created_at TEXT NOT NULL DEFAULT 'x', updated_at TEXT NOT NULL DEFAULT 'x'); INSERT INTO users (id, name) VALUES ('old-1', 'Old')`)
  old.close()
  process.env.DATA_DIR = dir
  process.env.STALE_RECHECK_SECONDS = '30'
  users = await import('@/demo/users')
  store = await import('@/demo/stale/store')
  policy = await import('@/demo/stale/policy')
  reads = await import('@/demo/db-reads')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const counted = <T,>(fn: () => T) => reads.withReadCounter((c) => ({ value: fn(), reads: c.reads }))

describe('migration', () => {
  it('adds suspended and session_epoch to an existing database, keeping its rows', () => {
    expect(store.readAccess('old-1')).toEqual({ role: 'reader', onboardingStep: 'INITIAL', version: 1, sessionEpoch: 0, suspended: false })
  })
})

describe('changes made elsewhere', () => {
  it('a promotion bumps the version only; a demotion, a suspension and sign out everywhere bump the epoch', () => {
    const { id } = users.createGuest('Ada')
    expect(store.changeAccess(id, { role: 'editor' })).toMatchObject({ role: 'editor', version: 2, sessionEpoch: 0 })
    expect(store.changeAccess(id, { role: 'reader' })).toMatchObject({ role: 'reader', version: 3, sessionEpoch: 1 })
    expect(store.changeAccess(id, { suspended: true })).toMatchObject({ suspended: true, sessionEpoch: 2 })
    expect(store.bumpEpoch(id)).toMatchObject({ sessionEpoch: 3 })
    expect(store.changeAccess('nobody', { role: 'editor' })).toBeUndefined()
  })
})

describe('decide()', () => {
  const now = 1_000_000
  const token = (id: string, extra: Record<string, unknown>) => ({ sub: id, role: 'reader', epoch: 0, ...extra })
  const decide = (t: ReturnType<typeof token>, at = now) => counted(() => policy.decide(t, at, store.readAccess))

  it('none: never reads, keeps even a suspended user’s token', () => {
    const { id } = users.createGuest('None')
    store.changeAccess(id, { suspended: true })
    expect(decide(token(id, {}))).toEqual({ value: { kind: 'keep' }, reads: 0 })
  })

  it('throttled: no read until N seconds after the last check, then the row’s claims', () => {
    const { id } = users.createGuest('Thr')
    store.changeAccess(id, { role: 'editor' })
    const t = token(id, { stalePolicy: 'throttled', checkedAt: now - 29 })
    expect(decide(t)).toEqual({ value: { kind: 'keep' }, reads: 0 })
    const later = decide(t, now + 1)
    expect(later.reads).toBe(1)
    expect(later.value).toMatchObject({ kind: 'refresh', token: { role: 'editor', checkedAt: now + 1, ver: 2, epoch: 0 } })
  })

  it('throttled and epoch end a suspended, revoked or deleted user’s session', () => {
    const { id } = users.createGuest('End')
    store.changeAccess(id, { suspended: true })
    for (const p of ['throttled', 'epoch']) {
      expect(decide(token(id, { stalePolicy: p })).value).toEqual({ kind: 'end', reason: 'suspended' })
      expect(decide(token('gone', { stalePolicy: p })).value).toEqual({ kind: 'end', reason: 'deleted' })
    }
    const other = users.createGuest('Rev')
    store.bumpEpoch(other.id)
    expect(decide(token(other.id, { stalePolicy: 'epoch' })).value).toEqual({ kind: 'end', reason: 'revoked' })
    expect(decide(token(other.id, { stalePolicy: 'epoch', epoch: 1 }))).toEqual({ value: { kind: 'keep' }, reads: 1 })
  })

  it('epoch: one read per check, and a promotion is not a revocation', () => {
    const { id } = users.createGuest('Ep')
    store.changeAccess(id, { role: 'editor' })
    expect(decide(token(id, { stalePolicy: 'epoch' }))).toEqual({ value: { kind: 'keep' }, reads: 1 })
  })

  it('an unknown policy claim counts as none', () => {
    expect(policy.policyOf({ stalePolicy: 'whatever' })).toBe('none')
  })
})

describe('recheckSeconds() and the clock the throttled policy stamps', () => {
  it('reads STALE_RECHECK_SECONDS when it is a finite number of seconds, 0 included, else the documented 30', () => {
    const read = (value: string | undefined) => {
      const saved = process.env.STALE_RECHECK_SECONDS
      if (value === undefined) delete process.env.STALE_RECHECK_SECONDS
      else process.env.STALE_RECHECK_SECONDS = value
      try {
        return policy.recheckSeconds()
      } finally {
        process.env.STALE_RECHECK_SECONDS = saved
      }
    }
    expect([read('10'), read('0'), read(undefined), read('abc'), read('-5'), read('Infinity')]).toEqual([10, 0, 30, 30, 30, 30])
  })

  it('nowSeconds() is JWT time, whole seconds since the epoch (iat and exp are too)', () => {
    const before = Math.floor(Date.now() / 1000)
    const now = policy.nowSeconds()
    expect(Number.isInteger(now)).toBe(true)
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Math.floor(Date.now() / 1000))
  })
})
