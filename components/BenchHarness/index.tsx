import { SessionProvider, getSession, signIn, signOut, useSession } from 'next-auth/react'
import { returnAsYourself } from '@/components/DemoFrame/ReturnAsYourself'
import { useEffect, useRef, useState } from 'react'
import { completeOnboarding, resetOnboarding, type MutationResult } from '@/components/OnboardingFlow/demo-api'
import { STRATEGIES } from '@/components/OnboardingFlow/strategies'

/** What `npm run bench` calls in the page: the demo's own strategies, run by the real next-auth/react client. */
export interface BenchApi {
  signInGuest(name: string): Promise<void>
  /** The mutation every strategy follows (not measured): completes onboarding, or resets it when completed. */
  mutate(): Promise<MutationResult>
  /** One session update by `strategy` after the mutation `result`; throws when the server refused it. */
  update(strategy: string, result: MutationResult): Promise<void>
}

declare global {
  interface Window {
    sessionUpdateBench?: BenchApi
  }
}

async function checkedSignIn(provider: string, fields: Record<string, string>) {
  const result = await signIn(provider, { redirect: false, ...fields })
  if (!result?.ok || result.error) throw new Error(result?.error ?? `${provider} refused`)
}

export function BenchHarness() {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <Harness />
    </SessionProvider>
  )
}

function Harness() {
  const { data: session, status, update } = useSession()
  // useSession() hands out a new update() on every render: the page keeps the latest one for the bench.
  const latest = useRef({ update, session })
  latest.current = { update, session }
  const [ready, setReady] = useState(false)

  useEffect(() => {
    window.sessionUpdateBench = {
      signInGuest: (name) => checkedSignIn('demo', { name }),
      async mutate() {
        let session = latest.current.session
        // After the naive strategy the session is the forgery, which the demo API refuses to write for: the reader's
        // own session comes back first ("Return as yourself", not measured, like the mutation).
        if (session?.mintedBy === 'session-update-naive') {
          await returnAsYourself()
          session = await getSession()
        }
        return session?.user.onboardingStep === 'COMPLETED' ? resetOnboarding() : completeOnboarding('learn')
      },
      async update(strategy, result) {
        if (strategy === 'relogin') {
          // The folklore fix: sign out and sign in again (a guest sign-in here; an OAuth one adds the provider's round trips).
          await signOut({ redirect: false })
          return checkedSignIn('demo', { name: result.user.name })
        }
        const known = STRATEGIES.find((s) => s.id === strategy)
        if (!known) throw new Error(`unknown strategy ${strategy}`)
        await known.apply({ result, update: () => latest.current.update() })
      },
    }
    setReady(true)
  }, [])

  return (
    // Unthemed on purpose (no Nextra layout, so /bench stays a small page); the site's CSS reset is in force.
    <main style={{ padding: '2rem', fontFamily: 'system-ui, sans-serif', lineHeight: 1.5 }}>
      <h1 style={{ fontSize: '1.5rem', fontWeight: 700, marginBottom: '0.5rem' }}>Session update benchmark harness</h1>
      <p>
        Used by <code>npm run bench</code> to drive the real next-auth client. Session: <span data-testid="bench-status">{ready ? status : 'loading'}</span>
      </p>
    </main>
  )
}
