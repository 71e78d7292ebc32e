// The onboarding mutation, ONE function: the route handler, the tRPC procedure and the Server Action
// all call completeOnboarding(). It writes the row and returns the fresh user and a ticket for the
// hardened session-update provider (bound to this user, this row version and this session).
import { z } from 'zod'
import { markOnboardingCompleted, type User } from './db/users'
import { issueTicket } from './ticket'

export const completeOnboardingInput = z
  .object({
    goal: z.enum(['learn', 'build', 'ship']).optional(),
    /** "response": re-issue the session cookie in this same response (unstable_update). */
    strategy: z.enum(['ticket', 'response']).optional(),
  })
  .strict()
export type CompleteOnboardingInput = z.infer<typeof completeOnboardingInput>

export interface Caller {
  /** The session's user id (token.sub). */
  id: string
  /** The session id (token.sid) the ticket is bound to. */
  sid: string
}

export class NotFound extends Error {}

export async function completeOnboarding(caller: Caller, input: CompleteOnboardingInput): Promise<{ user: User; ticket: string }> {
  const user = await markOnboardingCompleted(caller.id, input.goal ?? null)
  if (!user) throw new NotFound('Your account no longer exists.')
  const ticket = await issueTicket({ sub: user.id, sid: caller.sid, ver: user.version })
  return { user, ticket }
}
