'use client'
import { signIn } from 'next-auth/react'
import { useState } from 'react'

export function SignInForm({ callbackUrl, github, dev }: { callbackUrl: string; github: boolean; dev: boolean }) {
  const [email, setEmail] = useState('')
  return (
    <>
      {github ? (
        <button type="button" data-testid="signin-github" onClick={() => signIn('github', { redirectTo: callbackUrl })}>
          Sign in with GitHub
        </button>
      ) : null}
      {dev ? (
        <form
          onSubmit={(event) => {
            event.preventDefault()
            // POST /api/auth/callback/dev with csrfToken and email; then the browser follows callbackUrl.
            void signIn('dev', { email, redirectTo: callbackUrl })
          }}
        >
          <label>
            Email (dev sign-in, no password){' '}
            <input name="email" type="email" required value={email} onChange={(e) => setEmail(e.target.value)} data-testid="signin-email" />
          </label>{' '}
          <button type="submit" data-testid="signin-submit">Sign in</button>
        </form>
      ) : null}
      {!github && !dev ? <p role="alert">No sign-in method: set AUTH_GITHUB_ID and AUTH_GITHUB_SECRET.</p> : null}
    </>
  )
}
