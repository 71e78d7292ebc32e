// After the mutation: ask for a fresh token with the built-in update(). The jwt callback checks the request.
import type { LabClient } from '../client'

export default async function afterOnboarding({ update, api }: LabClient) {
  await api.completeOnboarding()
  await update({ onboardingStep: 'COMPLETED' })
}
