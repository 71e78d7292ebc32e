import { redirect } from 'next/navigation'
import { getSession } from '~/server/better-auth/server'
import { SignOutButton } from '../components/sign-out-button'
import { OnboardingForm } from './onboarding-form'

export default async function Onboarding() {
  const session = await getSession()
  if (!session) redirect('/signin?callbackUrl=%2Fonboarding')
  return (
    <>
      <h1>Onboarding</h1>
      <p>
        Step: <strong data-testid="onboarding-step">{session.user.onboardingStep}</strong>
      </p>
      <OnboardingForm />
      <SignOutButton />
    </>
  )
}
