import { auth } from '~/server/auth'
import { SignOutButton } from '../dashboard/sign-out-button'
import { OnboardingPanel } from './onboarding-panel'

export default async function OnboardingPage() {
  const session = await auth()
  return (
    <>
      <h1>Onboarding</h1>
      <p>
        Server component sees step <code data-testid="session-step-server">{session?.user?.onboardingStep}</code>
      </p>
      <OnboardingPanel />
      <SignOutButton />
    </>
  )
}
