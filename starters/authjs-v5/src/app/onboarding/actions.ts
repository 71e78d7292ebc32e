'use server'
// The Server Action variant of the same mutation: same function, and the session re-issued in the action's own
// response by unstable_update() (cookies set in an action also make Next re-render the current route in that
// response). Next checks a Server Action's Origin against its Host itself.
import { headers } from 'next/headers'
import { unstable_update } from '~/server/auth'
import { currentCaller } from '~/server/auth/caller'
import { NotFound, completeOnboarding, completeOnboardingInput } from '~/server/onboarding'

export async function completeOnboardingAction(raw: unknown): Promise<{ error: string } | { step: string }> {
  const caller = await currentCaller(await headers())
  if (!caller) return { error: 'Sign in first.' }
  const input = completeOnboardingInput.safeParse(raw ?? {})
  if (!input.success) return { error: 'Unexpected input.' }
  try {
    const { user } = await completeOnboarding(caller, input.data)
    await unstable_update({}) // the {} is ignored: the jwt callback re-reads the row
    return { step: user.onboardingStep }
  } catch (error) {
    if (error instanceof NotFound) return { error: error.message }
    throw error
  }
}
