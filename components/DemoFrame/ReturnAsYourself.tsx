import { signIn } from 'next-auth/react'
import { useState } from 'react'
import ui from './ui.module.css'

/** The naive provider's session id that names the session-restore provider (demo/providers/restore.ts). */
export const RESTORE_PROVIDER = 'session-restore'

/** Puts the reader's own guest session back (the same user row) after the naive attack: no new guest, no sign-in limit. */
export async function returnAsYourself(): Promise<void> {
  const result = await signIn(RESTORE_PROVIDER, { redirect: false })
  if (!result?.ok || result.error) throw new Error(result?.error ?? 'Your own session could not be restored.')
}

export function ReturnAsYourself() {
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function restore() {
    setBusy(true)
    setError(null)
    try {
      await returnAsYourself()
      // A full reload: every component (and the middleware) sees the restored cookie.
      window.location.reload()
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  return (
    <>
      <button type="button" className={ui.secondary} onClick={restore} disabled={busy} data-testid="return-as-yourself">
        {busy ? 'Returning…' : 'Return as yourself'}
      </button>
      {error && (
        <span role="alert" className={ui.error}>
          {' '}
          {error}
        </span>
      )}
    </>
  )
}
