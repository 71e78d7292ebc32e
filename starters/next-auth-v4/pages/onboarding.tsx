import { signIn, useSession } from 'next-auth/react'
import { useRouter } from 'next/router'
import { useEffect, useState, type FormEvent } from 'react'
import { Layout } from '../components/Layout'
import { ONBOARDING_COMPLETED } from '../lib/onboarding-steps'
import { refreshSession } from '../lib/refresh-session'
import { signInRefusal } from '../lib/sign-in-refusal'

type Strategy = 'update' | 'ticket' | 'response'

const STRATEGIES: { id: Strategy; label: string; cost: string }[] = [
  { id: 'update', label: 'Built-in useSession().update()', cost: 'mutation + 2 requests' },
  { id: 'ticket', label: 'Signed ticket (session-update provider)', cost: 'mutation + 4 requests' },
  { id: 'response', label: 'In the mutation’s response (one request)', cost: 'mutation + 1 refetch for useSession()' },
]

export default function Onboarding() {
  const router = useRouter()
  const { data: session, update } = useSession()
  const [strategy, setStrategy] = useState<Strategy>('update')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [awaitingRefresh, setAwaitingRefresh] = useState(false)
  const step = session?.user.onboardingStep

  // The one-request strategy: go on once SessionProvider has refetched the session the response set.
  useEffect(() => {
    if (awaitingRefresh && step === ONBOARDING_COMPLETED) void router.push('/dashboard')
  }, [awaitingRefresh, step, router])

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const res = await fetch('/api/onboarding/complete', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(strategy === 'response' ? { strategy } : {}),
      })
      const body = await res.json().catch(() => ({}))
      if (!res.ok) throw new Error(body.error ?? `The server answered ${res.status}.`)

      if (strategy === 'update') {
        // No data: the jwt callback ignores it anyway and re-reads the row (trigger === 'update').
        const updated = await update()
        if (updated?.user.onboardingStep !== ONBOARDING_COMPLETED) throw new Error('The session was not updated.')
      } else if (strategy === 'ticket') {
        const result = await signIn('session-update', { ticket: body.ticket, redirect: false })
        const refusal = signInRefusal(result, window.location.origin)
        if (refusal) throw new Error(refusal)
      } else {
        // The cookie is already new. Only this tab's useSession() (and other tabs) need to hear about it.
        setAwaitingRefresh(true)
        refreshSession()
        return
      }
      await router.push('/dashboard')
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
      setBusy(false)
    }
  }

  return (
    <Layout title="Onboarding">
      <p>
        Your session says: <strong data-testid="onboarding-step">{step ?? '…'}</strong>
      </p>
      <form onSubmit={onSubmit}>
        <fieldset>
          <legend>How should the session learn that onboarding is done?</legend>
          {STRATEGIES.map((s) => (
            <label key={s.id}>
              <input
                type="radio"
                name="strategy"
                value={s.id}
                data-testid={`strategy-${s.id}`}
                checked={strategy === s.id}
                onChange={() => setStrategy(s.id)}
              />{' '}
              {s.label} <small>({s.cost})</small>
            </label>
          ))}
        </fieldset>
        <button type="submit" data-testid="onboarding-submit" disabled={busy}>
          Complete onboarding
        </button>
      </form>
      {error && (
        <p role="alert" data-testid="onboarding-error">
          {error}
        </p>
      )}
    </Layout>
  )
}
