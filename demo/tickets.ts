// The hardened pass-through's proof: a short-lived JWS the server issues after a mutation.
// Signed (so the client cannot forge claims), bound to one subject and one session (`sid`, a random id
// minted at sign-in and carried by every update: another device, an older saved cookie of another sign-in or a
// fresh session of the same user cannot use it) and to the row's version (so it is refused once the session
// holds that version or a later one).
import { hkdfSync, randomUUID } from 'node:crypto'
import { SignJWT, errors, jwtVerify } from 'jose'
import { z } from 'zod'
import { authSecret } from './secret'
import type { UserRow } from './users'

export const TICKET_TTL_SECONDS = 60
/** Servers sharing DATA_DIR may disagree on the time by a little: a few seconds either way. */
export const CLOCK_TOLERANCE_SECONDS = 5
const AUDIENCE = 'session-update'
const TYPE = 'session-update+jwt'

// Its own key, derived under its own label: a ticket can never be confused with a session token,
// and the session secret itself never signs anything a client can read.
function ticketKey(): Uint8Array {
  return new Uint8Array(hkdfSync('sha256', authSecret(), '', 'session-update-lab ticket key v1', 32))
}

const ticketPayload = z.object({
  sub: z.string().min(1),
  sid: z.string().min(1),
  ver: z.number().int().positive(),
  claims: z.object({
    name: z.string(),
    role: z.string(),
    onboardingStep: z.string(),
  }),
})
export type Ticket = z.infer<typeof ticketPayload>

/** Why a ticket was refused: the message is safe to show to the caller. */
export class TicketRefused extends Error {}

/** A ticket for `row` as it now is, usable only by the session `sid`. */
export async function issueTicket(row: UserRow, sid: string): Promise<string> {
  return new SignJWT({
    sid,
    ver: row.version,
    claims: { name: row.name, role: row.role, onboardingStep: row.onboardingStep },
  })
    .setProtectedHeader({ alg: 'HS256', typ: TYPE })
    .setSubject(row.id)
    .setAudience(AUDIENCE)
    .setJti(randomUUID())
    .setIssuedAt()
    .setExpirationTime(`${TICKET_TTL_SECONDS}s`)
    .sign(ticketKey())
}

export async function verifyTicket(ticket: unknown): Promise<Ticket> {
  if (typeof ticket !== 'string' || ticket.length === 0) throw new TicketRefused('No ticket was sent.')
  if (ticket.length > 4096) throw new TicketRefused('The ticket is too long to be one of ours.')
  try {
    const { payload } = await jwtVerify(ticket, ticketKey(), {
      algorithms: ['HS256'], // pinned: `alg: none` and any other algorithm are refused
      audience: AUDIENCE,
      typ: TYPE,
      maxTokenAge: `${TICKET_TTL_SECONDS}s`,
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    })
    const parsed = ticketPayload.safeParse(payload)
    if (!parsed.success) throw new TicketRefused('The ticket does not carry a subject, a session, a version and claims.')
    return parsed.data
  } catch (error) {
    throw toRefusal(error)
  }
}

function toRefusal(error: unknown): TicketRefused {
  if (error instanceof TicketRefused) return error
  if (error instanceof errors.JWTExpired) return new TicketRefused('The ticket has expired: tickets live 60 seconds.')
  if (error instanceof errors.JOSEAlgNotAllowed) return new TicketRefused('The ticket uses an algorithm that is not allowed.')
  if (error instanceof errors.JWSSignatureVerificationFailed) return new TicketRefused('The ticket signature is not valid.')
  if (error instanceof errors.JWTClaimValidationFailed) return new TicketRefused(`The ticket was refused: ${error.message}.`)
  return new TicketRefused('The ticket is malformed.')
}
