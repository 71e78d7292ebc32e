// The hardened pass-through's proof: a short-lived JWS the server issues after the mutation.
// It binds the user (`sub`), the row version the mutation wrote (`ver`, must be newer than the
// session's) and the session it was issued to (`sid`): nobody can mint one, and it cannot be
// used by another user, or carried to another session of the same user. Within its 60 seconds a copy can be
// replayed until the session's version moves past it (an older cookie of the same session still takes it).
import { hkdfSync } from 'node:crypto'
import { SignJWT, errors, jwtVerify } from 'jose'
import { z } from 'zod'
import { env } from '../env'

export const TICKET_TTL_SECONDS = 60
const AUDIENCE = 'session-update'
const TYPE = 'session-update+jwt'

// Its own key, derived from AUTH_SECRET under its own label: a ticket is never a session token and
// AUTH_SECRET itself never signs anything a client can read.
function ticketKey(): Uint8Array {
  if (!env.AUTH_SECRET) throw new Error('AUTH_SECRET is not set: start the app with `npm start` / `npm run dev`.')
  return new Uint8Array(hkdfSync('sha256', env.AUTH_SECRET, '', 'authjs-v5-starter session-update ticket v1', 32))
}

const payload = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  ver: z.number().int().positive(),
})
export type Ticket = z.infer<typeof payload>

export class TicketRefused extends Error {}

export function issueTicket(ticket: Ticket): Promise<string> {
  return new SignJWT({ sid: ticket.sid, ver: ticket.ver })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setSubject(ticket.sub)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(`${TICKET_TTL_SECONDS}s`)
    .sign(ticketKey())
}

export async function verifyTicket(ticket: unknown): Promise<Ticket> {
  // A string of a ticket's size before any decoding (2,048 bytes: far above the ~300 a ticket takes).
  const sent = z.string().min(1).max(2048).safeParse(ticket)
  if (!sent.success) throw new TicketRefused('invalid_ticket')
  let claims: unknown
  try {
    ;({ payload: claims } = await jwtVerify(sent.data, ticketKey(), {
      algorithms: ['HS256'], // pinned: `alg: none` or any other algorithm is refused
      typ: TYPE,
      audience: AUDIENCE,
      maxTokenAge: `${TICKET_TTL_SECONDS}s`, // requires iat, and bounds the age even if exp were far
      clockTolerance: 5,
    }))
  } catch (error) {
    throw new TicketRefused(error instanceof errors.JWTExpired ? 'expired_ticket' : 'invalid_ticket')
  }
  const parsed = payload.safeParse(claims)
  if (!parsed.success) throw new TicketRefused('invalid_ticket')
  return parsed.data
}
