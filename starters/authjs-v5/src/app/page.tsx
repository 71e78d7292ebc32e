import Link from 'next/link'
import { auth } from '~/server/auth'

export default async function Home() {
  const session = await auth()
  return (
    <>
      <h1>Update the session after onboarding</h1>
      <p>
        Signed in: <strong data-testid="home-user">{session?.user?.email ?? 'no'}</strong>
      </p>
      <ul>
        <li><Link href="/signin">Sign in</Link></li>
        <li><Link href="/onboarding">Onboarding</Link></li>
        <li><Link href="/dashboard">Dashboard</Link> (needs COMPLETED)</li>
      </ul>
    </>
  )
}
