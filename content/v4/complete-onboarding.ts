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
  // `ok` alone is not enough: a refused sign-in sets `error` (v5 answers it with ok: true), and a failed CSRF
  // check answers ok: true, error: null with `csrf=true` in the URL (next-auth 4 react/index.tsx).
  if (result?.error) throw new Error(result.error)
  if (!result?.ok || (result.url && new URL(result.url, 'http://localhost').searchParams.get('csrf') === 'true')) {
    throw new Error('The session was not updated')
  }
  await router.replace('/explore')
}
