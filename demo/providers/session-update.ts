import CredentialsProvider from 'next-auth/providers/credentials'
import { PROVIDERS, isNaiveSession, userFromToken } from '../claims'
import { honour } from '../session-access'
import { readSessionToken } from '../session-cookie'
import { verifyTicket } from '../tickets'

/**
 * The refusal that means "nothing to do": this session already holds the ticket's version or a later one
 * (the same ticket sent twice, or another tab applied a newer change first). A code, not prose, so that the
 * client can tell it from a real refusal and treat it as success.
 */
export const TICKET_ALREADY_APPLIED = 'TicketAlreadyApplied'

/**
 * The hardened pass-through: the client can only hand back a ticket the server signed after a mutation.
 * It reads nothing from the database under the default stale policy ("none"; "epoch" and "throttled" read the
 * row as they do at the gate): the ticket is the proof, and the current session (decoded from the request's own
 * cookie) says who is asking.
 */
export const sessionUpdateProvider = CredentialsProvider({
  id: PROVIDERS.ticket,
  name: 'Session update (signed ticket)',
  credentials: { ticket: { label: 'Ticket', type: 'text' } },
  async authorize(credentials, req) {
    const current = await readSessionToken(req.headers?.cookie)
    // The session's own policy first (session-access.ts): a session it ends is not re-minted, and the re-mint
    // carries its epoch and policy (userFromToken), so a ticket never renews a revoked session. A refresh the
    // policy would make is left to the gate: the ticket, not a re-read, says what changes here.
    if (current?.sub) honour(current)
    if (!current?.sub) throw new Error('No current session: a ticket can only update the session it was issued for.')
    const ticket = await verifyTicket(credentials?.ticket)
    // A naive session's sub is whatever the browser chose: re-minting it would launder it into a trusted one.
    if (isNaiveSession(current)) {
      throw new Error('Refused: this session was minted by the naive provider; a ticket never updates it. Use "Return as yourself" first.')
    }
    if (ticket.sub !== current.sub) throw new Error('This ticket was issued to another user.')
    if (ticket.sid !== current.sid) throw new Error('This ticket was issued to another session of your user (another sign-in or device).')
    if (ticket.ver <= (current.ver ?? 0)) throw new Error(TICKET_ALREADY_APPLIED)
    // next-auth builds a brand-new token from what we return: carry the current one over, then apply the ticket.
    return { ...userFromToken(current), ...ticket.claims, ver: ticket.ver }
  },
})
