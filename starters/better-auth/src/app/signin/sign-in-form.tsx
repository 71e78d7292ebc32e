'use client'
import { type FormEvent, useEffect, useState } from 'react'
import { authClient } from '~/server/better-auth/client'

export function SignInForm({ next, github, initialError }: { next: string; github: boolean; initialError?: string }) {
  const [error, setError] = useState(initialError ?? '')
  const [busy, setBusy] = useState(false)
  // Until React has hydrated, a click would submit the form natively: the buttons wait (and method="post" keeps a
  // password out of the address bar even then).
  const [hydrated, setHydrated] = useState(false)
  useEffect(() => setHydrated(true), [])

  async function submit(event: FormEvent<HTMLFormElement>, mode: 'in' | 'up') {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const email = String(form.get('email'))
    const password = String(form.get('password'))
    setBusy(true)
    setError('')
    const { error } =
      mode === 'in'
        ? await authClient.signIn.email({ email, password })
        : await authClient.signUp.email({ email, password, name: email.split('@')[0] || email })
    setBusy(false)
    if (error) return setError(error.message ?? error.statusText)
    // A document navigation through the gate, which sends a user who has not finished onboarding to /onboarding.
    window.location.assign(next)
  }

  return (
    <>
      {error && <p role="alert" data-testid="signin-error">{error}</p>}
      <form method="post" onSubmit={(e) => submit(e, 'in')}>
        <h2>I have an account</h2>
        <input name="email" type="email" required placeholder="email" autoComplete="email" data-testid="signin-email" />
        <input name="password" type="password" required placeholder="password" autoComplete="current-password" data-testid="signin-password" />
        <button type="submit" disabled={busy || !hydrated} data-testid="signin-submit">Sign in</button>
      </form>
      <form method="post" onSubmit={(e) => submit(e, 'up')}>
        <h2>New here</h2>
        <input name="email" type="email" required placeholder="email" autoComplete="email" data-testid="signup-email" />
        <input name="password" type="password" required minLength={8} placeholder="password (8+ characters)" autoComplete="new-password" data-testid="signup-password" />
        <button type="submit" disabled={busy || !hydrated} data-testid="signup-submit">Create account</button>
      </form>
      {github && (
        <button type="button" onClick={() => authClient.signIn.social({ provider: 'github', callbackURL: next, errorCallbackURL: '/signin' })}>
          Sign in with GitHub
        </button>
      )}
    </>
  )
}
