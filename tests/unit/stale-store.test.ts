// demo/stale/store.ts on the real SQLite row: which access changes end existing sessions (they bump the epoch) and
// which only bump the version, a change that repeats what the row already says, and a user that does not exist.
import { describe, expect, it } from 'vitest'
import { bumpEpoch, changeAccess, readAccess } from '@/demo/stale/store'
import { createGuest } from '@/demo/users'

const guest = () => createGuest('Store').id

describe('changeAccess(id, change)', () => {
  it('demotion and suspension take access away: epoch and version move', () => {
    const id = guest()
    expect(changeAccess(id, { role: 'editor' })).toMatchObject({ role: 'editor', version: 2, sessionEpoch: 0 })
    expect(changeAccess(id, { role: 'reader' })).toMatchObject({ role: 'reader', version: 3, sessionEpoch: 1 })
    expect(changeAccess(id, { suspended: true })).toMatchObject({ suspended: true, version: 4, sessionEpoch: 2 })
  })

  it('a change that takes nothing away moves the version only: a promotion, lifting a suspension, repeating the row', () => {
    const id = guest()
    expect(changeAccess(id, { role: 'reader' })).toMatchObject({ role: 'reader', version: 2, sessionEpoch: 0 })
    expect(changeAccess(id, { role: 'editor' })).toMatchObject({ role: 'editor', version: 3, sessionEpoch: 0 })
    expect(changeAccess(id, { role: 'editor' })).toMatchObject({ role: 'editor', version: 4, sessionEpoch: 0 })
    expect(changeAccess(id, { suspended: false })).toMatchObject({ suspended: false, version: 5, sessionEpoch: 0 })
    expect(changeAccess(id, { suspended: true })).toMatchObject({ suspended: true, sessionEpoch: 1 })
    expect(changeAccess(id, { suspended: true })).toMatchObject({ suspended: true, version: 7, sessionEpoch: 1 })
    expect(changeAccess(id, { suspended: false })).toMatchObject({ suspended: false, version: 8, sessionEpoch: 1 })
  })

  it('leaves what the change does not name as it was', () => {
    const id = guest()
    changeAccess(id, { role: 'editor' })
    expect(changeAccess(id, { suspended: true })).toMatchObject({ role: 'editor', suspended: true })
    expect(changeAccess(id, { role: 'reader' })).toMatchObject({ role: 'reader', suspended: true })
  })

  it('a user that does not exist: undefined, nothing written', () => {
    expect(changeAccess('no-such-user', { suspended: true })).toBeUndefined()
    expect(changeAccess('no-such-user', { role: 'reader' })).toBeUndefined()
    expect(readAccess('no-such-user')).toBeUndefined()
  })
})

describe('bumpEpoch(id)', () => {
  it('moves the epoch only', () => {
    const id = guest()
    expect(bumpEpoch(id)).toMatchObject({ role: 'reader', version: 1, sessionEpoch: 1, suspended: false })
  })
})
