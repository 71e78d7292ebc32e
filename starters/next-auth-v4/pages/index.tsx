import Link from 'next/link'
import { Layout } from '../components/Layout'

export default function Home() {
  return (
    <Layout title="next-auth v4 starter">
      <p>
        Sign in, and the middleware keeps you on <code>/onboarding</code> until your session says{' '}
        <code>COMPLETED</code>. Completing onboarding updates the session in place, three safe ways.
      </p>
      <p>
        <Link href="/signin">Sign in</Link> · <Link href="/dashboard">Dashboard</Link>
      </p>
    </Layout>
  )
}
