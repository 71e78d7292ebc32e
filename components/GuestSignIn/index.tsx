import { getProviders, signIn, useSession } from 'next-auth/react'
import Link from 'next/link'
import { useRouter } from 'next/router'
import { useEffect, useState, type FormEvent } from 'react'
import { AUTH_ERROR_MESSAGES, knownAuthError } from '@/demo/auth-errors'
import { DEMO_HOME, callbackUrlFromAddressBar, safeCallbackUrl } from '@/demo/safe-redirect'
import ui from '@/components/DemoFrame/ui.module.css'

/** "Continue as a guest" (provider `demo`), and GitHub when the server has it configured. */
export function GuestSignIn() {
  const router = useRouter()
  const { data: session } = useSession()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [github, setGithub] = useState(false)
  // What the page shows; where a click goes is read when it happens (callbackUrlFromAddressBar).
  const next = safeCallbackUrl(router.query.callbackUrl, DEMO_HOME)

  useEffect(() => {
    getProviders().then((providers) => setGithub(Boolean(providers?.github)))
  }, [])
  useEffect(() => {
    // Only next-auth's own codes: `/demo?error=<anything>` must not let a link put its text on this page.
    const code = knownAuthError(router.query.error)
    if (code) setError(AUTH_ERROR_MESSAGES[code])
  }, [router.query.error])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    // The server refuses it too (demo/providers/guest.ts, same words); checked here first, no request for a 401.
    if (!name.trim()) return setError('Enter a display name.')
    setBusy(true)
    setError(null)
    const result = await signIn('demo', { name, redirect: false })
    if (result?.ok) {
      // A full navigation: the middleware reads the brand-new cookie on the next request.
      window.location.assign(callbackUrlFromAddressBar())
      return
    }
    setBusy(false)
    // The server's own refusal: a validation message, the 429 limit message, or one of next-auth's codes.
    const code = knownAuthError(result?.error)
    setError(code ? AUTH_ERROR_MESSAGES[code] : (result?.error ?? 'Sign-in failed.'))
  }

  return (
    <div className={ui.card}>
      {!session && typeof router.query.callbackUrl === 'string' && (
        <p data-testid="signin-why">
          <strong>{next}</strong> is part of the live demo, which needs a session: continue as a guest (a throwaway user
          is made for you) and you will be taken there.
        </p>
      )}
      {session && (
        <p>
          You are signed in as <strong>{session.user.name}</strong>. <Link href={next}>Continue</Link>, or sign in
          again below as a new guest.
        </p>
      )}
      <form onSubmit={onSubmit} className={ui.form} aria-label="Continue as a guest">
        <label htmlFor="guest-name">Display name</label>
        <input
          id="guest-name"
          name="name"
          className={ui.input}
          value={name}
          maxLength={40}
          autoComplete="nickname"
          placeholder="e.g. Ada"
          aria-invalid={error === 'Enter a display name.' ? true : undefined}
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className={ui.primary} disabled={busy}>
          {busy ? 'Signing in…' : 'Continue as a guest'}
        </button>
        {github && (
          <button type="button" className={ui.secondary} onClick={() => signIn('github', { callbackUrl: callbackUrlFromAddressBar() })}>
            Sign in with GitHub
          </button>
        )}
      </form>
      {error && (
        <p role="alert" className={ui.error}>
          {error}
        </p>
      )}
      <p className={ui.muted}>
        Each guest sign-in creates a new user in this demo&apos;s SQLite database, with role <code>reader</code> and
        onboarding step <code>INITIAL</code>.
      </p>
    </div>
  )
}
