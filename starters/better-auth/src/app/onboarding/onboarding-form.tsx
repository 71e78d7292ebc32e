'use client'
import { useEffect, useState, useTransition } from 'react'
import { completeOnboardingAction } from './actions'

type Strategy = 'response' | 'action'

export function OnboardingForm() {
  const [strategy, setStrategy] = useState<Strategy>('response')
  const [error, setError] = useState('')
  const [pending, startTransition] = useTransition()
  const [hydrated, setHydrated] = useState(false) // the button does nothing before React hydrates: it waits
  useEffect(() => setHydrated(true), [])

  function submit() {
    setError('')
    startTransition(async () => {
      if (strategy === 'action') {
        // On success the action redirects to /dashboard itself.
        const result = await completeOnboardingAction()
        if (result?.error) setError(result.error)
        return
      }
      const res = await fetch('/api/onboarding/complete', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ strategy: 'response' }),
      })
      if (!res.ok) {
        const body = await res.json().catch(() => ({}))
        setError(body.error ?? `The update was refused (${res.status}).`)
        return
      }
      // The response set the new cookie cache: the gate lets this navigation through. A document navigation, not
      // router.push: the client router may still hold the gate's earlier redirect of /dashboard from its cache.
      window.location.assign('/dashboard')
    })
  }

  return (
    <>
      <fieldset>
        <legend>Update the session</legend>
        <label>
          <input type="radio" name="strategy" checked={strategy === 'response'} onChange={() => setStrategy('response')} data-testid="strategy-response" />{' '}
          In the mutation&apos;s response (route handler)
        </label>
        <br />
        <label>
          <input type="radio" name="strategy" checked={strategy === 'action'} onChange={() => setStrategy('action')} data-testid="strategy-action" />{' '}
          In a server action&apos;s response
        </label>
      </fieldset>
      <button type="button" onClick={submit} disabled={pending || !hydrated} data-testid="onboarding-submit">
        Complete onboarding
      </button>
      {error && <p role="alert" data-testid="onboarding-error">{error}</p>}
    </>
  )
}
