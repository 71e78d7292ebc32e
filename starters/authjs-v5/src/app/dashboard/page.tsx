import { auth } from '~/server/auth'
import { SignOutButton } from './sign-out-button'

// Reached only with onboardingStep COMPLETED in the session: the middleware sends everyone else away.
export default async function Dashboard() {
  const session = await auth()
  return (
    <>
      <h1 data-testid="dashboard">Dashboard</h1>
      <p>
        <span data-testid="session-email">{session?.user?.email}</span> · role <code data-testid="dashboard-role">{session?.user?.role}</code> · step{' '}
        <code data-testid="dashboard-step">{session?.user?.onboardingStep}</code>
      </p>
      <SignOutButton />
    </>
  )
}
