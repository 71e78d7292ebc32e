import { getProviders, signIn, useSession } from 'next-auth/react'
import Link from 'next/link'
import { useRouter } from 'next/router'
import { useEffect, useState, type FormEvent } from 'react'
import { safeCallbackUrl } from '@/demo/safe-redirect'
import ui from '@/components/DemoFrame/ui.module.css'

const ERRORS: Record<string, string> = {
  CredentialsSignin: 'Sign-in was refused.',
  OAuthSignin: 'GitHub sign-in could not start.',
  OAuthCallback: 'GitHub sign-in failed on the way back.',
}

/** "Continue as a guest" (provider `demo`), and GitHub when the server has it configured. */
export function GuestSignIn() {
  const router = useRouter()
  const { data: session } = useSession()
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [github, setGithub] = useState(false)
  const next = safeCallbackUrl(router.query.callbackUrl, '/demo/explore')

  useEffect(() => {
    getProviders().then((providers) => setGithub(Boolean(providers?.github)))
  }, [])
  useEffect(() => {
    const e = router.query.error
    if (typeof e === 'string') setError(ERRORS[e] ?? e)
  }, [router.query.error])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const result = await signIn('demo', { name, redirect: false })
    if (result?.ok) {
      // A full navigation: the middleware reads the brand-new cookie on the next request.
      window.location.assign(next)
      return
    }
    setBusy(false)
    setError(result?.error ?? 'Sign-in failed.')
  }

  return (
    <div className={ui.card}>
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
          onChange={(e) => setName(e.target.value)}
        />
        <button type="submit" className={ui.primary} disabled={busy}>
          {busy ? 'Signing in…' : 'Continue as a guest'}
        </button>
        {github && (
          <button type="button" className={ui.secondary} onClick={() => signIn('github', { callbackUrl: next })}>
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
