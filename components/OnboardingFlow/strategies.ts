import { getSession, signIn } from 'next-auth/react'
import type { Session } from 'next-auth'
import type { MutationResult } from './demo-api'

export type StrategyId = 'ticket' | 'update' | 'naive' | 'response'

export interface StrategyContext {
  result: MutationResult
  update: () => Promise<Session | null | undefined>
}

export interface Strategy {
  id: StrategyId
  label: string
  summary: string
  vulnerable?: boolean
  /** The mutation itself carries the new cookie: it is sent with `strategy: 'response'` and counted as the update. */
  inResponse?: boolean
  apply(ctx: StrategyContext): Promise<void>
  /** What useSession() needs afterwards when the cookie changed without it (measured on its own line). */
  refetch?: () => Promise<void>
}

/** The hardened provider's "nothing to do": the session already holds this version or a later one (another tab). */
export const TICKET_ALREADY_APPLIED = 'TicketAlreadyApplied'

async function passThrough(provider: string, fields: Record<string, string>) {
  const result = await signIn(provider, { redirect: false, ...fields })
  // Two tabs: the other one applied a newer change first. The session is already at or past this
  // ticket's version, which is what this update wanted: success, not an error.
  if (provider === 'session-update' && result?.error === TICKET_ALREADY_APPLIED) return
  // signIn resolves even when the server refused: always check before navigating. `ok` alone is not enough:
  // a signIn callback that throws gives `ok: true` together with an `error`.
  if (!result?.ok || result.error) throw new Error(result?.error ?? `${provider} refused the update`)
}

// The order is the guide's recommendation (components/Recommendation): the mutation's own response first, and
// preselected; update() for changes that do not go through a route of yours; then the pass-throughs of the lesson.
export const STRATEGIES: Strategy[] = [
  {
    id: 'response',
    label: "In the mutation's response (one request)",
    summary:
      "Recommended. POST …/complete { strategy: 'response' }: the server re-issues the cookie from the row it just wrote. The browser sends no claims, so there is nothing to forge.",
    inResponse: true,
    async apply({ result }) {
      if (result.user.onboardingStep !== 'COMPLETED') throw new Error('The mutation did not complete onboarding.')
    },
    // The cookie changed behind useSession()'s back. getSession() is one GET /api/auth/session (no second
    // update: no CSRF fetch, no trigger "update") and broadcasts to the other tabs, whose useSession() refetch.
    // This tab then navigates with a full load (see index.tsx), which starts its SessionProvider afresh.
    async refetch() {
      if (!(await getSession())) throw new Error('getSession() found no session.')
    },
  },
  {
    id: 'update',
    label: 'Built-in update()',
    summary: 'useSession().update(): the jwt callback re-reads the user row on trigger "update".',
    async apply({ update }) {
      const session = await update()
      // update() returns undefined when no session is loaded: it then did nothing at all.
      if (!session) throw new Error('update() did nothing: the session was not loaded yet.')
    },
  },
  {
    id: 'ticket',
    label: 'Hardened pass-through (signed ticket)',
    summary: "signIn('session-update', { ticket }): the server's signed, session-bound, one-version ticket.",
    apply: ({ result }) => passThrough('session-update', { ticket: result.ticket }),
  },
  {
    id: 'naive',
    label: 'Naive pass-through (VULNERABLE)',
    summary: "The article's code: signIn('session-update-naive', { user: JSON.stringify(...) }). Trusts the browser.",
    vulnerable: true,
    apply: ({ result }) =>
      passThrough('session-update-naive', { user: JSON.stringify({ ...result.user, onboardingStep: 'COMPLETED' }) }),
  },
]

/** Preselected in the form: the recommended strategy. */
export const RECOMMENDED: StrategyId = 'response'
