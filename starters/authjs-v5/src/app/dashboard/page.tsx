import { auth } from '~/auth'
import { SignOutButton } from './sign-out-button'

// Reached only with onboardingStep COMPLETED in the session: the middleware sends everyone else away.
export default async function Dashboard() {
  const session = await auth()
  return (
    <>
      <h1 data-testid="dashboard">Dashboard</h1>
      <p>
        {session?.user?.email} · role <code data-testid="session-role">{session?.user?.role}</code> · step{' '}
        <code data-testid="session-step">{session?.user?.onboardingStep}</code>
      </p>
      <SignOutButton />
    </>
  )
}
