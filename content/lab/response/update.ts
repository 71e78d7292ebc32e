// After the mutation: nothing. The mutation called unstable_update({}) on the server before it answered, so
// the new cookie came back with its response. (In an app, useSession() still holds the old session: refetch it.)
import type { LabClient } from '../client'

export default async function afterOnboarding({ api }: LabClient) {
  await api.completeOnboardingAndUpdate()
}
