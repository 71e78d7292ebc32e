'use client'
import { signIn, useSession } from 'next-auth/react'
import { useRouter } from 'next/navigation'
import { useState } from 'react'
import { api } from '~/trpc/react'
import { completeOnboardingAction } from './actions'
import { useAfterServerUpdate } from './use-after-server-update'

type Strategy = 'update' | 'ticket' | 'response' | 'trpc' | 'action'

// Measured by tests/starter.test.ts (requests after the click until /dashboard has rendered).
const STRATEGIES: { id: Strategy; label: string; cost: string }[] = [
  { id: 'update', label: 'Built-in useSession().update()', cost: 'mutation + GET csrf + POST session' },
  { id: 'ticket', label: 'Signed ticket (session-update provider)', cost: 'mutation + providers, csrf, callback, session' },
  { id: 'response', label: 'In the route’s response (unstable_update)', cost: 'mutation + 1 GET session for useSession()' },
  { id: 'trpc', label: 'tRPC api.onboarding.completeOnboarding (unstable_update)', cost: 'mutation + 1 GET session' },
  { id: 'action', label: 'Server Action (unstable_update)', cost: 'mutation + 1 GET session' },
]

async function postComplete(body: object): Promise<{ user: { onboardingStep: string }; ticket: string }> {
  const res = await fetch('/api/onboarding/complete', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
  const json = await res.json().catch(() => ({}))
  if (!res.ok) throw new Error(json.error ?? `The mutation failed (${res.status}).`)
  return json
}

export function OnboardingPanel() {
  const { data: session, update } = useSession()
  const router = useRouter()
  const afterServerUpdate = useAfterServerUpdate()
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [strategy, setStrategy] = useState<Strategy>('update')
  const [staleStep, setStaleStep] = useState<string | null>(null)
  const [forged, setForged] = useState<string | null>(null)
  // The source article's call site, made safe: the procedure re-issues the session in its response.
  const completeOnboarding = api.onboarding.completeOnboarding.useMutation()

  async function run(strategy: Strategy) {
    setError(null)
    setBusy(true)
    try {
      if (strategy === 'update') {
        // 1. the mutation; 2. update() WITH an argument: GET csrf + POST /api/auth/session, where the jwt
        //    callback (trigger "update") ignores the argument and re-reads the row.
        await postComplete({})
        const next = await update({})
        if (next?.user?.onboardingStep !== 'COMPLETED') throw new Error('The session was not updated.')
        router.push('/dashboard')
      } else if (strategy === 'ticket') {
        // 1. the mutation returns a server-signed ticket; 2. the hardened session-update provider.
        const { ticket } = await postComplete({ strategy: 'ticket' })
        const result = await signIn('session-update', { ticket, redirect: false })
        // A refused credentials sign-in resolves with ok: true and error: "CredentialsSignin"
        // (next-auth react.js signIn: `ok: res.ok`): check `error`, never `ok` alone.
        if (!result || result.error) throw new Error(`The session update was refused (${result?.code ?? result?.error ?? 'no answer'}).`)
        router.push('/dashboard')
      } else {
        // One request: the mutation's own response carries the new session cookie.
        if (strategy === 'response') await postComplete({ strategy: 'response' })
        else if (strategy === 'trpc') await completeOnboarding.mutateAsync({ strategy: 'response' })
        else {
          const result = await completeOnboardingAction({})
          if ('error' in result) throw new Error(result.error)
        }
        setStaleStep(session?.user?.onboardingStep ?? 'none') // useSession() has not seen the new cookie yet
        const next = await afterServerUpdate('/dashboard')
        if (next?.user?.onboardingStep !== 'COMPLETED') throw new Error('The session was not updated.')
      }
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    } finally {
      setBusy(false)
    }
  }

  async function forge() {
    setError(null)
    // What any visitor can send from the console: update() with made-up claims. The jwt callback
    // ignores the data, so nothing changes.
    const next = await update({ role: 'admin', onboardingStep: 'COMPLETED', user: { role: 'admin', onboardingStep: 'COMPLETED' } })
    setForged(`After a forged update(): role ${next?.user?.role}, step ${next?.user?.onboardingStep}.`)
  }

  const step = session?.user?.onboardingStep
  return (
    <section>
      <p>
        useSession() sees step <code data-testid="onboarding-step">{step ?? '…'}</code> · role{' '}
        <code data-testid="onboarding-role">{session?.user?.role ?? '…'}</code>
        {staleStep ? (
          <>
            {' '}· right after the server-side update it still said <code data-testid="session-step-stale">{staleStep}</code>
          </>
        ) : null}
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          void run(strategy)
        }}
      >
        <fieldset>
          <legend>How should the session learn that onboarding is done?</legend>
          {STRATEGIES.map((s) => (
            <label key={s.id} style={{ display: 'block' }}>
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
      <p>
        <button type="button" disabled={busy} data-testid="forge-update" onClick={forge}>
          Try a forged update() (role admin)
        </button>
      </p>
      {forged ? <p data-testid="forge-result">{forged}</p> : null}
      {error ? (
        <p role="alert" data-testid="onboarding-error">
          {error}
        </p>
      ) : null}
    </section>
  )
}
