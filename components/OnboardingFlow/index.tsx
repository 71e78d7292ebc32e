import { useSession } from 'next-auth/react'
import { useRouter } from 'next/router'
import { useState, type FormEvent } from 'react'
import { UpdateReport } from '@/components/UpdateReport'
import { saveUpdateReport } from '@/components/UpdateReport/store'
import ui from '@/components/DemoFrame/ui.module.css'
import { DEMO_HOME, callbackUrlFromAddressBar, safeCallbackUrl } from '@/demo/safe-redirect'
import { completeOnboarding, fetchToken } from './demo-api'
import { measure } from './measure'
import { ResetButton } from './ResetButton'
import { RECOMMENDED, STRATEGIES, type StrategyId } from './strategies'

const GOALS = [
  { value: 'learn', label: 'Learn how session updates work' },
  { value: 'migrate', label: 'Move an app off the naive pass-through' },
  { value: 'audit', label: 'Audit an app for forged sessions' },
  { value: 'ship', label: 'Ship an onboarding gate' },
]

/**
 * The onboarding form: the mutation, then the session update by the strategy the reader picks,
 * measured, then on through the gate with no new sign-in.
 */
export function OnboardingFlow() {
  const router = useRouter()
  const { data: session, update } = useSession()
  const [goal, setGoal] = useState(GOALS[0].value)
  const [strategyId, setStrategyId] = useState<StrategyId>(RECOMMENDED)
  const [status, setStatus] = useState<{ busy?: boolean; error?: string }>({})
  // What the page shows; where the form goes when done is read when it is sent (callbackUrlFromAddressBar).
  const next = safeCallbackUrl(router.query.callbackUrl, DEMO_HOME)

  if (session?.user.onboardingStep === 'COMPLETED') {
    return (
      <div className={ui.card}>
        <p className={ui.ok}>Your token says onboarding is COMPLETED: the gate lets you through.</p>
        <p>
          <a href={next} className={ui.primary} data-testid="onboarding-continue">
            Continue to {next === DEMO_HOME ? 'explore' : next}
          </a>
        </p>
        <p>
          Reset it to try another strategy: the row goes back to <code>INITIAL</code> and your session follows.
        </p>
        <ResetButton />
        <UpdateReport />
      </div>
    )
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault()
    const strategy = STRATEGIES.find((s) => s.id === strategyId)!
    setStatus({ busy: true })
    try {
      const before = await fetchToken()
      const mutate = () => completeOnboarding(goal, strategy.inResponse ? 'response' : undefined)
      // Measured: what it takes to change the cookie after the mutation, or, when the mutation's own
      // response carries the cookie, the mutation itself (its one request is the whole update).
      let result = strategy.inResponse ? undefined : await mutate()
      const cost = await measure(async () => {
        result ??= await mutate()
        await strategy.apply({ result, update })
      })
      const after = await fetchToken()
      const refetch = strategy.refetch ? await measure(strategy.refetch) : undefined
      saveUpdateReport({ strategy: strategy.id, label: strategy.label, at: new Date().toISOString(), cost, refetch, inResponse: strategy.inResponse, before, after })
      if (after.claims?.onboardingStep !== 'COMPLETED') throw new Error('The session did not change: the gate would still hold you.')
      // A full navigation, not the article's router.replace: the pages router caches the middleware's answer
      // for prefetched links (/demo/explore -> redirect to onboarding, computed with the old cookie) and a
      // client-side navigation replays it. A real request carries the new cookie to the middleware.
      window.location.assign(callbackUrlFromAddressBar())
    } catch (error) {
      setStatus({ error: (error as Error).message })
    }
  }

  return (
    <form className={ui.card} onSubmit={onSubmit} aria-label="Complete onboarding">
      <p data-testid="onboarding-why">
        The middleware sent you here because your token&apos;s <code>onboardingStep</code> is not <code>COMPLETED</code>.
      </p>
      <label htmlFor="goal" className={ui.label}>
        What brings you here?
      </label>
      <select id="goal" name="goal" className={ui.select} value={goal} onChange={(e) => setGoal(e.target.value)}>
        {GOALS.map((g) => (
          <option key={g.value} value={g.value}>
            {g.label}
          </option>
        ))}
      </select>
      <fieldset className={ui.fieldset}>
        <legend>Update the session with</legend>
        {STRATEGIES.map((s) => (
          <label key={s.id} className={ui.option}>
            <input
              type="radio"
              name="strategy"
              value={s.id}
              checked={strategyId === s.id}
              onChange={() => setStrategyId(s.id)}
            />
            <span>
              <strong className={s.vulnerable ? ui.error : undefined}>{s.label}</strong>
              <br />
              <span className={ui.muted}>{s.summary}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <button type="submit" className={ui.primary} disabled={status.busy}>
        {status.busy ? 'Updating your session…' : 'Complete onboarding'}
      </button>
      {status.error && (
        <p role="alert" className={ui.error}>
          {status.error}
        </p>
      )}
    </form>
  )
}
