import { redirect } from 'next/navigation'
import { env } from '~/env'
import { getSession } from '~/server/better-auth/server'
import { safeRedirect } from '~/server/safe-redirect'
import { SignInForm } from './sign-in-form'

// Better Auth's OAuth error codes this page explains; anything else gets the generic line.
const ERRORS: Record<string, string> = {
  account_not_linked:
    'An account with this email already exists. Sign in with its password: a GitHub sign-in joins an existing account only when both addresses are verified.',
  unable_to_link_account: 'GitHub did not report this email address as verified, so it was not joined to the existing account.',
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const { callbackUrl, error } = await searchParams
  const next = safeRedirect(callbackUrl)
  if (await getSession()) redirect(next)
  const message = error ? (ERRORS[error] ?? 'The sign-in did not complete. Try again.') : undefined
  return (
    <>
      <h1>Sign in</h1>
      <SignInForm next={next} github={Boolean(env.BETTER_AUTH_GITHUB_CLIENT_ID)} initialError={message} />
    </>
  )
}
