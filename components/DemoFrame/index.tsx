import { SessionProvider, signOut, useSession } from 'next-auth/react'
import type { ReactNode } from 'react'
import styles from './DemoFrame.module.css'
import { ReturnAsYourself } from './ReturnAsYourself'
import { usePublishedToken } from './current-token'

/**
 * Wraps every demo page: the session context (only demo pages pay for next-auth/react),
 * who is signed in, and the red banner when the session was minted by the vulnerable provider.
 */
export function DemoFrame({ children }: { children: ReactNode }) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <SessionBar />
      <div className={styles.body}>{children}</div>
    </SessionProvider>
  )
}

function SessionBar() {
  const { data: session, status } = useSession()
  const published = usePublishedToken()
  if (published?.ended)
    return (
      <p className={styles.bar} data-testid="session-bar" data-state="ended">
        Your session has ended. <a href="/demo">Sign in again</a>
      </p>
    )
  if (status === 'loading') return <p className={styles.bar} aria-busy="true">Checking your session…</p>
  if (!session) return <p className={styles.bar}>Not signed in.</p>
  // The token a panel just read from the server wins over useSession()'s copy, which may predate it.
  const claims = published?.claims
  const user = claims ? { ...session.user, ...pick(claims, 'name', 'role', 'onboardingStep') } : session.user
  const mintedBy = (claims?.mintedBy as string | undefined) ?? session.mintedBy
  return (
    <>
      {mintedBy === 'session-update-naive' && (
        <div role="alert" className={styles.naiveBanner} data-testid="naive-banner">
          <strong>This session was minted by the naive, vulnerable provider.</strong> Its user id and role are whatever
          the browser sent: nothing checked them. Nothing else in the demo acts on it: the demo API, the ticket and{' '}
          <code>update()</code> refuse it. <ReturnAsYourself /> (your own guest user, as you left it), or sign out.
        </div>
      )}
      <div className={styles.bar} data-testid="session-bar">
        <span>
          Signed in as <strong>{user.name ?? 'unnamed'}</strong>
        </span>
        <span className={styles.chip}>role: {user.role}</span>
        <span className={styles.chip} data-testid="session-step">
          onboarding: {user.onboardingStep}
        </span>
        <span className={styles.chip}>minted by: {mintedBy}</span>
        <button type="button" className={styles.signOut} onClick={() => signOut({ callbackUrl: '/demo' })}>
          Sign out
        </button>
      </div>
    </>
  )
}

function pick(claims: Record<string, unknown>, ...keys: string[]) {
  return Object.fromEntries(keys.filter((k) => typeof claims[k] === 'string').map((k) => [k, claims[k] as string]))
}
