// After the mutation: hand the server's signed ticket back to the session-update provider.
import type { LabClient } from '../client'

export default async function afterOnboarding({ signIn, api }: LabClient) {
  const { ticket } = await api.completeOnboarding()
  await signIn('session-update', { redirect: false, ticket })
}
