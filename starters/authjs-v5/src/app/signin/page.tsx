import { githubEnabled } from '~/auth.config'
import { devSignInEnabled } from '~/server/auth/dev-provider'
import { SignInForm } from './sign-in-form'

export const dynamic = 'force-dynamic'

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; error?: string }> }) {
  const { callbackUrl, error } = await searchParams
  // Only a local path: never send the user to another site after sign-in.
  const to = callbackUrl?.startsWith('/') && !callbackUrl.startsWith('//') ? callbackUrl : '/dashboard'
  return (
    <>
      <h1>Sign in</h1>
      {error ? <p role="alert" data-testid="signin-error">Sign-in failed ({error}).</p> : null}
      <SignInForm callbackUrl={to} github={githubEnabled} dev={devSignInEnabled} />
    </>
  )
}
