import type { GetServerSideProps } from 'next'
import { getServerSession, type Session } from 'next-auth'
import { Layout } from '../components/Layout'
import { authOptions } from '../lib/auth-options'

type Props = { session: Session }

/** Reached only with a session whose onboardingStep is COMPLETED: the middleware gates it. */
export default function Dashboard({ session }: Props) {
  return (
    <Layout title="Dashboard">
      <p>
        Onboarding: <strong data-testid="dashboard-step">{session.user.onboardingStep}</strong>, role{' '}
        <span data-testid="dashboard-role">{session.user.role}</span>.
      </p>
    </Layout>
  )
}

export const getServerSideProps: GetServerSideProps<Props> = async ({ req, res }) => {
  const session = await getServerSession(req, res, authOptions)
  if (!session) return { redirect: { destination: '/signin?callbackUrl=/dashboard', permanent: false } }
  return { props: { session } }
}
