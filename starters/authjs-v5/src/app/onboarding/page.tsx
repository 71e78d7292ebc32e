import { HydrateClient, api } from '~/trpc/server'
import { SignOutButton } from '../dashboard/sign-out-button'
import { OnboardingPanel } from './onboarding-panel'

// The template's server-side caller: `api.onboarding.step()` runs the procedure in this render (no HTTP), with
// the same context (session, db) as a tRPC request. The proxy lets only signed-in users reach this page.
export default async function OnboardingPage() {
  const step = await api.onboarding.step()
  return (
    <HydrateClient>
      <h1>Onboarding</h1>
      <p>
        Server component sees step <code data-testid="session-step-server">{step}</code>
      </p>
      <OnboardingPanel />
      <SignOutButton />
    </HydrateClient>
  )
}
