import CredentialsProvider from 'next-auth/providers/credentials'
import { verifyTicket } from '../shared/ticket'
import { currentToken } from './current-token'

// The hardened pass-through: the browser can only hand back a ticket the server signed.
export const sessionUpdateProvider = CredentialsProvider({
  id: 'session-update',
  name: 'Session update',
  credentials: { ticket: { type: 'text' } },
  async authorize(credentials, req) {
    const current = await currentToken(req)
    if (!current?.sub) throw new Error('No session to update')
    const ticket = await verifyTicket(credentials?.ticket).catch(() => {
      throw new Error('Invalid ticket')
    })
    if (ticket.sub !== current.sub) throw new Error('This ticket belongs to another user')
    if (ticket.ver <= (current.ver ?? 0)) throw new Error('This ticket was used already')
    // next-auth replaces the whole token with one built from what we return: carry the current claims over.
    return {
      id: current.sub,
      name: current.name,
      email: current.email,
      image: current.picture,
      ...ticket.claims,
      ver: ticket.ver,
    }
  },
})
