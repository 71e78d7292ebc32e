import { CredentialsSignin } from 'next-auth'
import { getToken } from 'next-auth/jwt'
import Credentials from 'next-auth/providers/credentials'
import { verifyTicket } from '../shared/ticket'

// v5 turns any other error thrown here into `error=Configuration`; a CredentialsSignin keeps its code.
class Refused extends CredentialsSignin {
  constructor(readonly code: string) {
    super()
  }
}

export const sessionUpdateProvider = Credentials({
  id: 'session-update',
  name: 'Session update',
  credentials: { ticket: {} },
  // v5 passes the request itself: getToken reads the session cookie from it (chunks included).
  async authorize(credentials, request) {
    const current = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie: request.url.startsWith('https://') })
    if (!current?.sub) throw new Refused('no_session')
    const ticket = await verifyTicket(credentials.ticket).catch(() => {
      throw new Refused('invalid_ticket')
    })
    if (ticket.sub !== current.sub) throw new Refused('foreign_ticket')
    if (ticket.ver <= (current.ver ?? 0)) throw new Refused('used_ticket')
    return { id: current.sub, name: current.name, email: current.email, image: current.picture, ...ticket.claims, ver: ticket.ver }
  },
})
