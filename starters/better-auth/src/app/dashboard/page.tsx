import { redirect } from 'next/navigation'
import { env } from '~/env'
import { getSession } from '~/server/better-auth/server'
import { SignOutButton } from '../components/sign-out-button'
import { SignOutEverywhere } from './sign-out-everywhere'

export default async function Dashboard() {
  // The gate (src/proxy.ts) let this request through; the session it saw is the one read here.
  const session = await getSession()
  if (!session) redirect('/signin')
  return (
    <>
      <h1>Dashboard</h1>
      <p>
        Signed in as {session.user.email}. Onboarding: <strong data-testid="dashboard-step">{session.user.onboardingStep}</strong>
      </p>
      <SignOutButton />
      <SignOutEverywhere windowSeconds={env.SESSION_CACHE_MAX_AGE} />
    </>
  )
}
