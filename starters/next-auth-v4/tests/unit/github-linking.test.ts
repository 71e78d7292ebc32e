// GitHub sign-in and an existing user with the same email: linked only when GitHub says the address is the
// account's primary, verified one; refused with a message otherwise. Against the real database (PGlite, and
// PostgreSQL when TEST_DATABASE_URL is set), through the signIn callback next-auth calls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { authOptions } from '../../lib/auth-options'
import { closeDatabase, database } from '../../lib/db'
import { primaryVerifiedEmail, resolveGitHubUser } from '../../lib/github'
import { signInErrorMessage } from '../../lib/safe-callback'
import { completeOnboarding, findLinkedUser, findOrCreateUserByEmail, findUserByEmail } from '../../lib/users'
import { TARGETS, freshDatabase, useDatabase, type Fresh } from '../support/databases'

describe('primaryVerifiedEmail: what GitHub’s GET /user/emails says', () => {
  it('takes the primary address only when it is verified', () => {
    expect(primaryVerifiedEmail([{ email: 'Ada@Example.com', primary: true, verified: true }])).toBe('ada@example.com')
    expect(primaryVerifiedEmail([{ email: 'ada@example.com', primary: true, verified: false }])).toBeNull()
    expect(primaryVerifiedEmail([{ email: 'ada@example.com', primary: false, verified: true }])).toBeNull()
    expect(primaryVerifiedEmail([{ email: 'other@example.com', primary: false, verified: true }, { email: 'ada@example.com', primary: true, verified: 'yes' }])).toBeNull()
    expect(primaryVerifiedEmail({ message: 'Bad credentials' })).toBeNull()
  })
})

describe.each(TARGETS)('linking a GitHub account on $kind', (target) => {
  let fresh: Fresh
  beforeAll(async () => {
    fresh = await freshDatabase(target)
    useDatabase(fresh)
    await closeDatabase()
    // A new PGlite folder and the migrations: can take a minute on a loaded machine; paid here, not by a test.
    await database()
  })
  afterAll(async () => {
    await closeDatabase()
    await fresh?.drop()
  })

  it('links to the existing user when GitHub verified the email: same row, claims kept', async () => {
    const existing = await findOrCreateUserByEmail('ada@example.com')
    await completeOnboarding(existing.id)
    const decision = await resolveGitHubUser({ providerAccountId: '1001', email: 'ada@example.com', emailVerified: true, name: 'Ada' })
    expect(decision).toMatchObject({ ok: true, row: { id: existing.id, onboardingStep: 'COMPLETED', version: 2 } })
    expect((await findLinkedUser('github', '1001'))?.id).toBe(existing.id)
  })

  it('refuses, and links nothing, when the email an existing user holds is not verified on GitHub', async () => {
    const victim = await findOrCreateUserByEmail('victim@example.com')
    const decision = await resolveGitHubUser({ providerAccountId: '666', email: 'victim@example.com', emailVerified: false, name: 'Mallory' })
    expect(decision).toEqual({ ok: false, code: 'GitHubEmailUnverified' })
    expect(await findLinkedUser('github', '666')).toBeUndefined()
    expect((await findUserByEmail('victim@example.com'))?.id).toBe(victim.id)
    expect(signInErrorMessage(decision.ok ? '' : decision.code)).toMatch(/GitHub has not verified/)
  })

  it('a new GitHub user gets their own row; an unverified email is not stored', async () => {
    const decision = await resolveGitHubUser({ providerAccountId: '2002', email: 'unverified@example.com', emailVerified: false, name: 'New' })
    expect(decision).toMatchObject({ ok: true, row: { email: null, onboardingStep: 'INITIAL' } })
    const verified = await resolveGitHubUser({ providerAccountId: '2003', email: 'grace@example.com', emailVerified: true, name: 'Grace' })
    expect(verified).toMatchObject({ ok: true, row: { email: 'grace@example.com' } })
  })

  it('a returning GitHub user gets the same row, whatever the profile says now', async () => {
    const first = await resolveGitHubUser({ providerAccountId: '3003', email: 'linus@example.com', emailVerified: true, name: 'Linus' })
    const again = await resolveGitHubUser({ providerAccountId: '3003', email: 'changed@example.com', emailVerified: false, name: 'L' })
    expect(again.ok && first.ok && again.row.id === first.row.id).toBe(true)
  })

  it('the signIn callback sends a refused sign-in back to /signin with the code, and lets a verified one through', async () => {
    await findOrCreateUserByEmail('owner@example.com')
    const signIn = authOptions.callbacks!.signIn!
    const account = { provider: 'github', type: 'oauth' as const, providerAccountId: '4004' }
    const refused = await signIn({ user: { id: '4004', name: 'M' }, account, profile: { email: 'owner@example.com', email_verified: false } as never })
    expect(refused).toBe('/signin?error=GitHubEmailUnverified')
    const allowed = await signIn({ user: { id: '4004', name: 'O' }, account, profile: { email: 'owner@example.com', email_verified: true } as never })
    expect(allowed).toBe(true)
    expect((await findLinkedUser('github', '4004'))?.email).toBe('owner@example.com')
  })
})
