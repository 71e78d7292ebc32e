// The GitHub linking decision, through the app's real Better Auth instance (src/server/better-auth/config.ts) and
// Better Auth's own OAuth step that every social callback runs (handleOAuthUserInfo), on a real PGlite database.
// Only GitHub's HTTP answers are replaced: the user info below is what the provider hands that step.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { migrateDatabase } from '../../scripts/migrate.mjs'

const dataDir = mkdtempSync(path.join(tmpdir(), 'better-auth-linking-'))
let auth: typeof import('~/server/better-auth/config').auth
let handleOAuthUserInfo: typeof import('better-auth/oauth2').handleOAuthUserInfo

beforeAll(async () => {
  Object.assign(process.env, { DATA_DIR: dataDir, BETTER_AUTH_SECRET: 'linking-test-secret-'.repeat(3), BETTER_AUTH_URL: 'http://localhost:3999' })
  await migrateDatabase({ DATA_DIR: dataDir })
  ;({ auth } = await import('~/server/better-auth/config'))
  ;({ handleOAuthUserInfo } = await import('better-auth/oauth2'))
})
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))

async function githubSignIn(email: string, emailVerified: boolean, accountId: string) {
  const context = await auth.$context
  return handleOAuthUserInfo({ context } as never, {
    userInfo: { id: accountId, email, emailVerified, name: 'gh' },
    account: { providerId: 'github', accountId, accessToken: 'gho_test' },
    callbackURL: '/dashboard',
  })
}
const accounts = async (userId: string) => (await (await auth.$context).internalAdapter.findAccounts(userId)).map((a) => a.providerId).sort()

it('a GitHub sign-in whose email matches a password account is refused, even when GitHub verified it', async () => {
  const { user } = await auth.api.signUpEmail({ body: { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' } })
  const result = await githubSignIn('ada@example.com', true, 'gh-ada')
  expect(result).toMatchObject({ error: 'account not linked', data: null })
  expect(await accounts(user.id)).toEqual(['credential'])
})

it('a verified local address is joined only when GitHub also reports it verified', async () => {
  const { user } = await auth.api.signUpEmail({ body: { email: 'grace@example.com', password: 'correct horse battery', name: 'Grace' } })
  await (await auth.$context).internalAdapter.updateUser(user.id, { emailVerified: true })

  expect(await githubSignIn('grace@example.com', false, 'gh-grace')).toMatchObject({ error: 'account not linked' })
  expect(await accounts(user.id)).toEqual(['credential'])

  const linked = await githubSignIn('grace@example.com', true, 'gh-grace')
  expect(linked.error).toBeFalsy()
  expect(linked.data?.user.id).toBe(user.id)
  expect(await accounts(user.id)).toEqual(['credential', 'github'])
})

it('a new email signs up a new user at INITIAL', async () => {
  const result = await githubSignIn('new@example.com', false, 'gh-new')
  expect(result.error).toBeFalsy()
  expect(result.data?.user).toMatchObject({ email: 'new@example.com', onboardingStep: 'INITIAL' })
})
