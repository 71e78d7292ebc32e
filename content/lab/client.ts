// What the lab hands to update.ts: the two client calls that can change a session, and your app's API.
import type { Session } from '@auth/core/types'
import type { LabUser } from './server'

export interface SignInResult {
  ok: boolean
  status: number
  error?: string
}

export interface LabClient {
  /** As `signIn` from next-auth/react: posts the fields to the provider's callback, with the CSRF token. */
  signIn(provider: string, options: { redirect: false } & Record<string, unknown>): Promise<SignInResult>
  /** As `update` from useSession(): posts `data` to the session endpoint; the jwt callback gets it as `session`. */
  update(data?: unknown): Promise<Session | null>
  /** Your app's mutation: it writes the row and answers with the new row and a ticket the server signed. */
  api: {
    completeOnboarding(): Promise<{ user: LabUser; ticket: string }>
    /**
     * The same mutation, calling `unstable_update({})` before it answers (v5, in a Server Action, route handler or
     * tRPC procedure): Auth.js runs in process, CSRF check skipped, and the new cookie rides on this response.
     */
    completeOnboardingAndUpdate(): Promise<{ user: LabUser }>
  }
}
