// After the mutation, as in the article: sign in again through the pass-through with the updated user.
import type { LabClient } from '../client'

export default async function afterOnboarding({ signIn, api }: LabClient) {
  const { user: updatedUser } = await api.completeOnboarding()
  await signIn('session-update', {
    redirect: false,
    user: JSON.stringify({ ...updatedUser, onboardingStep: 'COMPLETED' }),
  })
}
