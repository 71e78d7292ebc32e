import { useSession } from 'next-auth/react'
import { useState } from 'react'
import ui from '@/components/DemoFrame/ui.module.css'
import { resetOnboarding } from './demo-api'

/** Puts the user back before onboarding; the session follows through update() (a database re-read). */
export function ResetButton() {
  const { update } = useSession()
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
