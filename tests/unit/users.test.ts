// The user store against a real SQLite file in a temporary DATA_DIR.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'sul-unit-'))
let users: typeof import('@/demo/users')
let reads: typeof import('@/demo/db-reads')

beforeAll(async () => {
  process.env.DATA_DIR = dir
  users = await import('@/demo/users')
  reads = await import('@/demo/db-reads')
})
afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('user store', () => {
  it('creates guests with a random id, role reader, step INITIAL, version 1', () => {
    const a = users.createGuest('Ada')
    const b = users.createGuest('Ada')
    expect(a.id).not.toBe(b.id)
    expect(a).toMatchObject({ name: 'Ada', role: 'reader', onboardingStep: 'INITIAL', version: 1 })
  })

  it('bumps the version on every write, which is what makes old tickets detectable', () => {
    const u = users.createGuest('Grace')
    expect(users.completeOnboarding(u.id, 'ship')).toMatchObject({ onboardingStep: 'COMPLETED', goal: 'ship', version: 2 })
    expect(users.resetOnboarding(u.id)).toMatchObject({ onboardingStep: 'INITIAL', goal: null, version: 3 })
    expect(users.completeOnboarding('no-such-user', 'learn')).toBeUndefined()
  })

  it('counts reads inside a request scope, and only reads', () => {
    const u = users.createGuest('Linus')
    const counted = reads.withReadCounter((counter) => {
      users.findUser(u.id)
      users.completeOnboarding(u.id, 'learn')
      users.findUser('missing')
      return counter.reads
    })
    expect(counted).toBe(2)
  })

  it('links a GitHub account to one row across sign-ins', () => {
    const first = users.upsertGithubUser({ githubId: '42', name: 'octo' })
    const again = users.upsertGithubUser({ githubId: '42', name: 'octocat', email: 'o@example.com' })
    expect(again.id).toBe(first.id)
    expect(again.name).toBe('octocat')
  })
})
