import { useSession } from 'next-auth/react'
import { useState } from 'react'
import ui from '@/components/DemoFrame/ui.module.css'
import { ReturnAsYourself } from '@/components/DemoFrame/ReturnAsYourself'
import { resetOnboarding } from './demo-api'

/** Puts the user back before onboarding; the session follows through update() (a database re-read). */
export function ResetButton() {
  const { data: session, update } = useSession()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function reset() {
    setBusy(true)
    setError(null)
    try {
      await resetOnboarding()
      if (!(await update())) throw new Error('update() did nothing: the session was not loaded yet.')
      window.location.assign('/demo/onboarding')
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  if (session?.mintedBy === 'session-update-naive') {
    // Reset writes a user row, and a naive session names whatever user the browser chose: the API refuses it.
    return (
      <p data-testid="reset-naive">
        Reset works on your own session only: this one was minted by the naive provider, so the demo API refuses to
        write the row it names. <ReturnAsYourself />
      </p>
    )
  }

  return (
    <p>
      <button type="button" className={ui.secondary} onClick={reset} disabled={busy}>
        {busy ? 'Resetting…' : 'Reset onboarding'}
      </button>
      {error && (
        <span role="alert" className={ui.error}>
          {' '}
          {error}
        </span>
      )}
    </p>
  )
}
