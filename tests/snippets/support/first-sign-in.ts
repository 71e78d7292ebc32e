// The ordinary first sign-in every snippet test starts from (as GitHub would be in the article): a new user row,
// INITIAL. One home for both versions; each setup wraps it in its own version's Credentials provider.
import { randomUUID } from 'node:crypto'
import { db } from '@/content/shared/users'

export async function firstSignIn(name: unknown) {
  const row = await db.createUser(randomUUID(), typeof name === 'string' ? name : 'Ada')
  return { id: row.id, name: row.name, role: row.role, onboardingStep: row.onboardingStep, ver: row.version }
}
