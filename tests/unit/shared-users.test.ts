// content/shared/users.ts: the guide's stand-in database, which every snippet imports. What a write bumps is what
// the snippets' security rests on: `version` (a ticket or a cookie older than the row is stale) and `sessionEpoch`
// (sessions older than a change that takes access away are refused).
import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { db } from '@/content/shared/users'

const fresh = () => db.createUser(`user-${randomUUID()}`, 'Ada')

describe('the guide stand-in database (content/shared/users.ts)', () => {
  it('creates a reader at INITIAL, version 1, epoch 0, not suspended, and finds it again', async () => {
    const row = await fresh()
    expect(row).toEqual({ id: row.id, name: 'Ada', role: 'reader', onboardingStep: 'INITIAL', version: 1, sessionEpoch: 0, suspended: false })
    expect(await db.findUser(row.id)).toEqual(row)
    expect(await db.findUser('nobody')).toBeNull()
  })

  it('completing onboarding bumps the version only', async () => {
    const { id } = await fresh()
    expect(await db.completeOnboarding(id)).toEqual({ id, name: 'Ada', role: 'reader', onboardingStep: 'COMPLETED', version: 2, sessionEpoch: 0, suspended: false })
    expect(await db.findUser(id)).toMatchObject({ onboardingStep: 'COMPLETED', version: 2 })
  })

  it('a promotion bumps the version; a demotion to reader also bumps the epoch; a reader set to reader does not', async () => {
    const { id } = await fresh()
    expect(await db.setRole(id, 'editor')).toMatchObject({ role: 'editor', version: 2, sessionEpoch: 0 })
    expect(await db.setRole(id, 'admin')).toMatchObject({ role: 'admin', version: 3, sessionEpoch: 0 })
    expect(await db.setRole(id, 'reader')).toMatchObject({ role: 'reader', version: 4, sessionEpoch: 1 })
    expect(await db.setRole(id, 'reader')).toMatchObject({ role: 'reader', version: 5, sessionEpoch: 1 })
    expect(await db.findUser(id)).toMatchObject({ role: 'reader', version: 5, sessionEpoch: 1, name: 'Ada', onboardingStep: 'INITIAL' })
  })

  it('suspending and signing out everywhere bump the epoch and the version', async () => {
    const { id } = await fresh()
    expect(await db.suspend(id)).toMatchObject({ suspended: true, sessionEpoch: 1, version: 2, role: 'reader' })
    expect(await db.signOutEverywhere(id)).toMatchObject({ suspended: true, sessionEpoch: 2, version: 3 })
    expect(await db.findUser(id)).toMatchObject({ suspended: true, sessionEpoch: 2, version: 3 })
  })

  it('every write to a missing user is null and creates nothing', async () => {
    for (const write of [db.completeOnboarding, (id: string) => db.setRole(id, 'admin'), db.suspend, db.signOutEverywhere]) {
      expect(await write('missing')).toBeNull()
    }
    expect(await db.findUser('missing')).toBeNull()
  })
})
