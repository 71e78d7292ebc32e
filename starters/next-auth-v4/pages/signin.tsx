import type { GetServerSideProps } from 'next'
import { signIn } from 'next-auth/react'
import { useRouter } from 'next/router'
import { useState, type FormEvent } from 'react'
import { Layout } from '../components/Layout'
import { safeCallbackUrl, signInErrorMessage } from '../lib/safe-callback'
import { signInRefusal } from '../lib/sign-in-refusal'

type Props = { devSignIn: boolean; github: boolean }

export default function SignIn({ devSignIn, github }: Props) {
  const router = useRouter()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const callbackUrl = safeCallbackUrl(router.query.callbackUrl)

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const email = String(new FormData(event.currentTarget).get('email') ?? '')
    const result = await signIn('dev', { email, redirect: false, callbackUrl })
    const refusal = signInRefusal(result, window.location.origin)
    if (refusal) {
      setError(refusal)
      setBusy(false)
      return
    }
    // A full load: the middleware sends a user who has not finished onboarding to /onboarding.
    window.location.assign(callbackUrl)
  }

  return (
    <Layout title="Sign in">
      {devSignIn && (
        <form onSubmit={onSubmit} aria-describedby="signin-note">
          <label htmlFor="email">Email</label>
          <input id="email" name="email" type="email" required data-testid="signin-email" autoComplete="email" />
          <p id="signin-note">Development sign-in: no password, the account is created on first use.</p>
          <button type="submit" data-testid="signin-submit" disabled={busy}>
            Sign in
          </button>
        </form>
      )}
      {github && (
        <p>
          <button type="button" onClick={() => signIn('github', { callbackUrl })}>
            Sign in with GitHub
          </button>
        </p>
      )}
      {!devSignIn && !github && <p>No sign-in method is configured: set GITHUB_ID and GITHUB_SECRET.</p>}
      {(error ?? signInErrorMessage(router.query.error)) && (
        <p role="alert" data-testid="signin-error">
          {error ?? signInErrorMessage(router.query.error)}
        </p>
      )}
    </Layout>
  )
}

export const getServerSideProps: GetServerSideProps<Props> = async () => {
  const { devSignInEnabled } = await import('../lib/auth-options')
  return { props: { devSignIn: devSignInEnabled(), github: Boolean(process.env.GITHUB_ID && process.env.GITHUB_SECRET) } }
}
