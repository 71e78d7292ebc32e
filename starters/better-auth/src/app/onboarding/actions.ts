'use server'
import { headers } from 'next/headers'
import { redirect } from 'next/navigation'
import { completeOnboarding } from '~/server/onboarding'

/** The server action variant: the same mutation; its response carries the cookie cache and the redirect. */
export async function completeOnboardingAction(): Promise<{ error: string }> {
  const user = await completeOnboarding(await headers())
  if (!user) return { error: 'Your session has ended. Sign in again.' }
  redirect('/dashboard')
}
