import { signIn } from 'next-auth/react'
import type { Session } from 'next-auth'
import type { MutationResult } from './demo-api'

export type StrategyId = 'ticket' | 'update' | 'naive'

export interface StrategyContext {
  result: MutationResult
  update: () => Promise<Session | null | undefined>
}

export interface Strategy {
  id: StrategyId
  label: string
  summary: string
  vulnerable?: boolean
  apply(ctx: StrategyContext): Promise<void>
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

export const STRATEGIES: Strategy[] = [
  {
    id: 'ticket',
    label: 'Hardened pass-through (signed ticket)',
    summary: "signIn('session-update', { ticket }): the server's signed, session-bound, one-version ticket.",
    apply: ({ result }) => passThrough('session-update', { ticket: result.ticket }),
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
    id: 'naive',
    label: 'Naive pass-through (VULNERABLE)',
    summary: "The article's code: signIn('session-update-naive', { user: JSON.stringify(...) }). Trusts the browser.",
    vulnerable: true,
    apply: ({ result }) =>
      passThrough('session-update-naive', { user: JSON.stringify({ ...result.user, onboardingStep: 'COMPLETED' }) }),
  },
]
