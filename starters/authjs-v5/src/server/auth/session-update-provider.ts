// The hardened "session-update" provider: the source article's trick, made safe. It does not take
// claims from the client. It takes a ticket the server signed after the mutation, checks it against
// the caller's CURRENT session (same user, same session id, newer version), and the `jwt` callback
// then re-reads the row. A refusal is a CredentialsSignin: the client gets `error`, with `ok: true`.
import { CredentialsSignin } from 'next-auth'
import { getToken } from 'next-auth/jwt'
import Credentials from 'next-auth/providers/credentials'
import { env } from '~/env'
import { TicketRefused, verifyTicket } from '~/server/ticket'
import { sessionCookieName } from './cookie-name'

class Refused extends CredentialsSignin {
  constructor(code: string) {
    super()
    this.code = code // reaches the client as `code` beside error=CredentialsSignin
  }
}

export const sessionUpdateProvider = Credentials({
  id: 'session-update',
  name: 'Session update',
  credentials: { ticket: {} },
  // v5 passes the request as the second argument (@auth/core lib/actions/callback/index.js, the
  // `provider.authorize(credentials, new Request(url, { headers, ... }))` call): its cookie header is the
  // caller's session, chunks included, under the name Auth.js gave it for this request (cookie-name.ts).
  async authorize(credentials, request) {
    const cookieName = sessionCookieName(request.headers, { url: request.url })
    const current = await getToken({ req: request, secret: env.AUTH_SECRET, cookieName, salt: cookieName })
    if (!current?.sub || !current.sid) throw new Refused('no_session')
    let ticket
    try {
      ticket = await verifyTicket(credentials.ticket)
    } catch (error) {
      throw new Refused(error instanceof TicketRefused ? error.message : 'invalid_ticket')
    }
    if (ticket.sub !== current.sub) throw new Refused('foreign_user')
    if (ticket.sid !== current.sid) throw new Refused('foreign_session')
    if (ticket.ver <= (current.ver ?? 0)) throw new Refused('stale_ticket')
    // Identity only: the jwt callback loads the claims from the row, never from here.
    return { id: current.sub, email: current.email, name: current.name, sid: current.sid }
  },
})
