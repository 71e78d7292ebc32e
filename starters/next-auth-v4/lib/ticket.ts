// The hardened ticket: after a mutation the server signs a short-lived JWS that lets the client refresh
// ITS OWN session once. It carries no claims: the jwt callback reads them from the row. What it binds:
//   sub - the user it was issued to;         sid - the session it was issued to (minted at sign-in);
//   ver - the row version it was issued at,  which must be newer than the session's: once applied,
//         the same session refuses it; within its lifetime an older cookie of that session could still take it.
import { hkdfSync, randomUUID } from 'node:crypto'
import { SignJWT, errors, jwtVerify } from 'jose'
import { z } from 'zod'
import { authSecret } from './secret'

export const TICKET_TTL_SECONDS = 60
const AUDIENCE = 'session-update'
const TYPE = 'session-update+jwt'

// Its own key under its own HKDF label: a ticket is never a session token, and the session secret
// never signs anything a client can read.
function ticketKey(): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', authSecret(), '', 'next-auth-v4-starter session-update ticket v1', 32))
}

const ticketSchema = z.object({ sub: z.string().min(1), sid: z.string().min(1), ver: z.number().int().positive() })
export type Ticket = z.infer<typeof ticketSchema>

/** A refusal whose message is safe to show to the caller. */
export class TicketRefused extends Error {}

export function issueTicket(ticket: Ticket): Promise<string> {
  return new SignJWT({ sid: ticket.sid, ver: ticket.ver })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setSubject(ticket.sub)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${TICKET_TTL_SECONDS}s`)
    .sign(ticketKey())
}

export async function verifyTicket(ticket: unknown): Promise<Ticket> {
  if (typeof ticket !== 'string' || ticket.length === 0) throw new TicketRefused('No ticket was sent.')
  if (ticket.length > 2048) throw new TicketRefused('The ticket is too long to be one of ours.')
  try {
    const { payload } = await jwtVerify(ticket, ticketKey(), {
      algorithms: ['HS256'], // pinned: `alg: none` and every other algorithm are refused
      typ: TYPE,
      audience: AUDIENCE,
      maxTokenAge: `${TICKET_TTL_SECONDS}s`,
      clockTolerance: 5, // seconds
    })
    const parsed = ticketSchema.safeParse(payload)
    if (!parsed.success) throw new TicketRefused('The ticket does not carry a user, a session and a version.')
    return parsed.data
  } catch (error) {
    if (error instanceof TicketRefused) throw error
    if (error instanceof errors.JWTExpired) throw new TicketRefused('The ticket has expired.')
    if (error instanceof errors.JWSSignatureVerificationFailed) throw new TicketRefused('The ticket signature is not valid.')
    if (error instanceof errors.JOSEAlgNotAllowed) throw new TicketRefused('The ticket algorithm is not allowed.')
    if (error instanceof errors.JWTClaimValidationFailed) throw new TicketRefused(`The ticket was refused (${error.claim}).`)
    throw new TicketRefused('The ticket is malformed.')
  }
}
