import type { GetServerSideProps } from 'next'
import { getServerSession, type Session } from 'next-auth'
import { Layout } from '../components/Layout'
import { authOptions } from '../lib/auth-options'

// `session` also seeds SessionProvider (pages/_app.tsx takes it out of pageProps); the page reads `user`.
type Props = { session: Session; user: Session['user'] }

/** Reached only with a session whose onboardingStep is COMPLETED: the middleware gates it. */
export default function Dashboard({ user }: Pick<Props, 'user'>) {
  return (
    <Layout title="Dashboard">
      <p>
        Onboarding: <strong data-testid="dashboard-step">{user.onboardingStep}</strong>, role{' '}
        <span data-testid="dashboard-role">{user.role}</span>.
      </p>
    </Layout>
  )
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const session = await getServerSession(req, res, authOptions)
  if (!session) return { redirect: { destination: '/signin?callbackUrl=/dashboard', permanent: false } }
  return { props: { session, user: session.user } }
}
