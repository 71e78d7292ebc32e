// The lab's stand-in for your app's server: a user table and the ticket signer, in memory, fresh for every run.
// Read-only in the lab: it is the part of your app the session update talks to.
import { decode } from '@auth/core/jwt'
import { parse } from 'cookie'
import { SignJWT, jwtVerify } from 'jose'

/** The lab's AUTH_SECRET. Everything runs in your browser, so it is no secret: never reuse it. */
export const LAB_SECRET = 'session-update-lab: a public secret for an in-browser lab'
/** Auth.js's session cookie name over http (https adds the __Secure- prefix). */
export const SESSION_COOKIE = 'authjs.session-token'

export interface LabUser {
  id: string
  name: string
  email: string
  role: string
  onboardingStep: string
  /** Bumped by every change to the row: a ticket must be newer than the session it updates. */
  ver: number
}

const seed: LabUser[] = [
  { id: 'user-0042', name: 'Ada', email: 'ada@example.com', role: 'reader', onboardingStep: 'INITIAL', ver: 1 },
  { id: 'admin-0001', name: 'Grace', email: 'grace@example.com', role: 'admin', onboardingStep: 'COMPLETED', ver: 1 },
]
let rows = new Map<string, LabUser>()

export const users = {
  find: (id: string | undefined): LabUser | undefined => (id ? rows.get(id) : undefined),
  /** The mutation the session update follows: the user finishes onboarding. */
  completeOnboarding(id: string): LabUser {
    const row = rows.get(id)
    if (!row) throw new Error(`No user ${id}.`)
    const updated = { ...row, onboardingStep: 'COMPLETED', ver: row.ver + 1 }
    rows.set(id, updated)
    return updated
  },
}

/** Called by the lab before every run, so each run starts from the same rows. */
export function resetLabServer() {
  rows = new Map(seed.map((row) => [row.id, { ...row }]))
}
resetLabServer()

const ticketKey = new TextEncoder().encode('session-update-lab ticket key: held by the server only')
const TICKET = { alg: 'HS256', typ: 'session-update+jwt', audience: 'session-update' } as const

export interface Ticket {
  sub: string
  ver: number
  claims: Pick<LabUser, 'name' | 'role' | 'onboardingStep'>
}

/** Signed by the server after a mutation: the client can hand it back, not forge or replay it. */
export function issueTicket(row: LabUser): Promise<string> {
  return new SignJWT({ ver: row.ver, claims: { name: row.name, role: row.role, onboardingStep: row.onboardingStep } })
    .setProtectedHeader({ alg: TICKET.alg, typ: TICKET.typ })
    .setSubject(row.id)
    .setAudience(TICKET.audience)
    .setIssuedAt()
    .setExpirationTime('60s')
    .sign(ticketKey)
}

/** Throws unless the ticket is ours: HS256 only (so `alg: none` fails), our audience, not expired. */
export async function verifyTicket(ticket: unknown): Promise<Ticket> {
  if (typeof ticket !== 'string' || !ticket) throw new Error('No ticket was sent.')
  const { payload } = await jwtVerify(ticket, ticketKey, {
    algorithms: [TICKET.alg],
    typ: TICKET.typ,
    audience: TICKET.audience,
    maxTokenAge: '60s',
  })
  return payload as unknown as Ticket
}

/** The session of the request, decoded from its own cookie: who is asking for the update. */
export async function readSessionToken(request: Request) {
  const token = parse(request.headers.get('cookie') ?? '')[SESSION_COOKIE]
  return token ? decode({ token, secret: LAB_SECRET, salt: SESSION_COOKIE }) : null
}
