import { safeCallbackPath } from '~/lib/safe-callback'
import { githubEnabled } from '~/server/auth/config'
import { devSignInEnabled } from '~/server/auth/dev-provider'
import { GITHUB_REFUSALS } from '~/server/auth/github-link'
import { SignInForm } from './sign-in-form'

export const dynamic = 'force-dynamic'

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string | string[]; error?: string | string[] }> }) {
  const { callbackUrl, error } = await searchParams
  // Only a path on this site: never send the user elsewhere after sign-in (lib/safe-callback.ts).
  const to = safeCallbackPath(callbackUrl)
  const code = typeof error === 'string' ? error : null
  return (
    <>
      <h1>Sign in</h1>
      {code ? (
        <p role="alert" data-testid="signin-error">
          {GITHUB_REFUSALS[code] ?? `Sign-in failed (${code.slice(0, 64)}).`}
        </p>
      ) : null}
      <SignInForm callbackUrl={to} github={githubEnabled} dev={devSignInEnabled} />
    </>
  )
}
