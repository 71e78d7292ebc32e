import CredentialsProvider from 'next-auth/providers/credentials'
import { PROVIDERS, userFromToken } from '../claims'
import { readSessionToken } from '../session-cookie'
import { verifyTicket } from '../tickets'

/**
 * The hardened pass-through: the client can only hand back a ticket the server signed after a mutation.
 * It reads nothing from the database: the ticket is the proof, and the current session (decoded from the
 * request's own cookie) says who is asking.
 */
export const sessionUpdateProvider = CredentialsProvider({
  id: PROVIDERS.ticket,
  name: 'Session update (signed ticket)',
  credentials: { ticket: { label: 'Ticket', type: 'text' } },
  async authorize(credentials, req) {
    const current = await readSessionToken(req.headers?.cookie)
    if (!current?.sub) throw new Error('No current session: a ticket can only update the session it was issued for.')
    const ticket = await verifyTicket(credentials?.ticket)
    if (ticket.sub !== current.sub) throw new Error('This ticket was issued to another user.')
    if (ticket.ver <= (current.ver ?? 0)) {
      throw new Error('This ticket is not newer than your session: it was used already or a later change replaced it.')
    }
    // next-auth builds a brand-new token from what we return: carry the current one over, then apply the ticket.
    return { ...userFromToken(current), ...ticket.claims, ver: ticket.ver }
  },
})
