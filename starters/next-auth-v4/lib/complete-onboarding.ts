// The onboarding mutation, shared by the Pages API route and the App Router route handler.
// The session cookie is the only credential; the body only chooses how the session is refreshed.
import { z } from 'zod'
import { rememberWrite } from './recent-writes'
import { refuseRequest } from './request-guards'
import type { HeaderSource } from './secure-cookies'
import { readSessionToken } from './session-cookie'
import { issueTicket } from './ticket'
import { completeOnboarding, type UserRow } from './users'

export const completeBody = z
  .object({ strategy: z.enum(['update', 'ticket', 'response']).optional() })
  .strict()

export type CompleteOutcome =
  | { ok: false; status: 400 | 401 | 403 | 415; error: string }
  | { ok: true; row: UserRow; ticket: string; strategy?: 'update' | 'ticket' | 'response' }

export async function completeOnboardingRequest(headers: HeaderSource, body: unknown): Promise<CompleteOutcome> {
  const refused = refuseRequest(headers)
  if (refused) return { ok: false, ...refused }
  const current = await readSessionToken(headers)
  if (!current?.sub || !current.sid) return { ok: false, status: 401, error: 'Sign in first.' }
  const parsed = completeBody.safeParse(body ?? {})
  if (!parsed.success) return { ok: false, status: 400, error: 'Expected a JSON object, optionally { "strategy": "update" | "ticket" | "response" }.' }
  const row = await completeOnboarding(current.sub)
  if (!row) return { ok: false, status: 401, error: 'This user no longer exists.' }
  rememberWrite(current.sid, row.version) // the race guard (lib/recent-writes.ts)
  const ticket = await issueTicket({ sub: row.id, sid: current.sid, ver: row.version })
  return { ok: true, row, ticket, strategy: parsed.data.strategy }
}

/** What the client may see of the row. */
export function publicUser(row: UserRow) {
  return { id: row.id, email: row.email, name: row.name, role: row.role, onboardingStep: row.onboardingStep }
}
