import { signIn } from 'next-auth/react'
import type { NextRouter } from 'next/router'
import type { UserRow } from '../shared/users'

/** After the mutation succeeded: rewrite the session cookie, then leave onboarding. */
export async function applyToSession(updatedUser: UserRow, router: Pick<NextRouter, 'replace'>) {
  const result = await signIn('session-update', {
    redirect: false,
    user: JSON.stringify({ ...updatedUser, onboardingStep: 'COMPLETED' }),
  })
  // signIn resolves even when the server refused: check before navigating, or the gate sends the user back.
  if (!result?.ok) throw new Error(result?.error ?? 'The session was not updated')
  await router.replace('/explore')
}
