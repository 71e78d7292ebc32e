import Link from 'next/link'

export default function Home() {
  return (
    <>
      <h1>Better Auth onboarding gate</h1>
      <p>
        <Link href="/dashboard">Dashboard</Link> is gated: sign in, finish onboarding, and the server re-issues your
        session in the same response.
      </p>
      <p>
        <Link href="/signin">Sign in or create an account</Link>
      </p>
    </>
  )
}
