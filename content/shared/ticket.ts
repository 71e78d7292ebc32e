import { SignJWT, jwtVerify } from 'jose'
import { z } from 'zod'
import type { UserRow } from './users'

// Its own secret: a ticket must never be mistaken for a session token, nor signed with the session's key.
const key = () => new TextEncoder().encode(process.env.SESSION_UPDATE_SECRET)
const AUDIENCE = 'session-update'
// Its own type: a JWT of any other kind signed with the same key (an email link, an API token) is not a ticket.
const TYPE = 'session-update+jwt'

const payload = z.object({
  sub: z.string().min(1),
  ver: z.number().int(),
  claims: z.object({ role: z.enum(['reader', 'admin']), onboardingStep: z.enum(['INITIAL', 'COMPLETED']) }),
})
export type Ticket = z.infer<typeof payload>

/** Issued by the mutation, right after the write: the new claims, for this user and this row version only. */
export function issueTicket(row: UserRow): Promise<string> {
  return new SignJWT({ ver: row.version, claims: { role: row.role, onboardingStep: row.onboardingStep } })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setSubject(row.id)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(key())
}

/** Throws unless the ticket is ours, unexpired and well formed. */
export async function verifyTicket(ticket: unknown): Promise<Ticket> {
  if (typeof ticket !== 'string') throw new Error('No ticket')
  const { payload: claims } = await jwtVerify(ticket, key(), {
    algorithms: ['HS256'], // pinned: `alg: none` and any other algorithm are refused
    audience: AUDIENCE,
    typ: TYPE,
    maxTokenAge: '60s', // even a ticket issued with a longer `exp` lives 60 seconds
    clockTolerance: 5, // servers may disagree on the time by a few seconds
  })
  return payload.parse(claims)
}
