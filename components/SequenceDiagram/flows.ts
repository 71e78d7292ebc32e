import type { Message } from './types'

// The guide's strategies, request by request, as the demo measures them (e2e/demo-flow.test.ts counts the same
// requests). Each opens its chapter as a diagram.
const mutation = (answer: string): Message[] => [
  { from: 'browser', to: 'server', label: 'POST /api/onboarding/complete', phase: 'mutation' },
  { from: 'server', to: 'db', label: "UPDATE users SET onboardingStep = 'COMPLETED'", phase: 'mutation' },
  { from: 'server', to: 'browser', label: answer, phase: 'mutation', reply: true },
]

const gated: Message[] = [
  { from: 'browser', to: 'server', label: 'GET /explore (new cookie)', phase: 'gated' },
  { from: 'server', to: 'browser', label: '200: middleware reads COMPLETED from the token', phase: 'gated', reply: true },
]

const signInRequests = (credentials: string, verified: string): Message[] => [
  { from: 'browser', to: 'server', label: 'GET /api/auth/providers', phase: 'update' },
  { from: 'browser', to: 'server', label: 'GET /api/auth/csrf', phase: 'update' },
  { from: 'browser', to: 'server', label: `POST /api/auth/callback/session-update ${credentials}`, phase: 'update' },
  { from: 'server', to: 'browser', label: `Set-Cookie: new token (${verified})`, phase: 'update', reply: true },
  { from: 'browser', to: 'server', label: 'GET /api/auth/session', phase: 'update' },
]

// Someone else (an admin, a job) writes the row: nothing runs in the user's browser.
const changedElsewhere: Message[] = [
  { from: 'server', to: 'db', label: "an admin's request: UPDATE users SET role = 'editor'", phase: 'mutation' },
]

export const FLOWS = {
  'pass-through': {
    title: 'The naive pass-through: four requests after the mutation, the claims taken from the browser',
    messages: [...mutation('200 { user }'), ...signInRequests('{ user: JSON }', 'no check at all'), ...gated],
  },
  ticket: {
    title: 'The hardened pass-through: four requests after the mutation, and a ticket only the server can sign',
    messages: [
      ...mutation('200 { ticket } (signed: sub, sid, ver)'),
      ...signInRequests('{ ticket }', 'ticket verified'),
      ...gated,
    ],
  },
  update: {
    title: 'The built-in update(): two requests after the mutation, one database read',
    messages: [
      ...mutation('200'),
      { from: 'browser', to: 'server', label: 'GET /api/auth/csrf', phase: 'update' },
      { from: 'browser', to: 'server', label: 'POST /api/auth/session { csrfToken, data }', phase: 'update' },
      { from: 'server', to: 'db', label: 'SELECT the row (jwt callback, trigger "update")', phase: 'update' },
      { from: 'server', to: 'browser', label: 'Set-Cookie: new token', phase: 'update', reply: true },
      ...gated,
    ],
  },
  'server-side': {
    title: 'Update on the server: the mutation answers with the new cookie; no request after it, no read',
    messages: [
      { from: 'browser', to: 'server', label: 'POST /api/onboarding/complete (session cookie)', phase: 'mutation' },
      { from: 'server', to: 'db', label: "UPDATE users SET onboardingStep = 'COMPLETED'", phase: 'mutation' },
      { from: 'server', to: 'browser', label: '200 + Set-Cookie: new token, from the row just written', phase: 'update', reply: true },
      ...gated,
    ],
  },
  'throttled-re-read': {
    // "A session check": where the jwt callback runs (v4: /api/auth/session; v5: also every auth() middleware check).
    title: 'Throttled re-read: a session check reads the row only once checkedAt is older than N seconds',
    messages: [
      ...changedElsewhere,
      { from: 'browser', to: 'server', label: 'a session check (checkedAt < N s ago)', phase: 'gated' },
      { from: 'server', to: 'browser', label: 'the old claims, no read', phase: 'gated', reply: true },
      { from: 'browser', to: 'server', label: 'a session check (checkedAt older than N s)', phase: 'update' },
      { from: 'server', to: 'db', label: 'SELECT the row (jwt callback)', phase: 'update' },
      { from: 'server', to: 'browser', label: 'Set-Cookie: new claims, new checkedAt', phase: 'update', reply: true },
    ],
  },
  epoch: {
    title: 'Per-user epoch: every check reads one small number; a moved epoch ends the session',
    messages: [
      { from: 'server', to: 'db', label: "an admin's request: UPDATE users SET epoch = epoch + 1", phase: 'mutation' },
      { from: 'browser', to: 'server', label: 'a session check (token: epoch 3)', phase: 'gated' },
      { from: 'server', to: 'db', label: 'SELECT the epoch (every check)', phase: 'gated' },
      { from: 'server', to: 'browser', label: 'refused: the epoch is now 4; cookie cleared, signed out', phase: 'gated', reply: true },
    ],
  },
  // starters/better-auth, as bench/starters.ts counts it: the update reads the session twice (before the write, to
  // refuse a revoked session, and after it, to re-issue the cache) and writes once; the gate reads the signed cache.
  'better-auth': {
    title: 'Better Auth: the mutation re-issues the cookie cache; the gate reads it with no database read',
    messages: [
      { from: 'browser', to: 'server', label: 'POST /api/onboarding/complete (session_token cookie)', phase: 'mutation' },
      { from: 'server', to: 'db', label: 'SELECT session, user (getSession, cache off)', phase: 'mutation' },
      { from: 'server', to: 'db', label: "UPDATE user SET onboardingStep = 'COMPLETED' (internalAdapter)", phase: 'mutation' },
      { from: 'server', to: 'db', label: 'SELECT session, user again (getSession, cache off)', phase: 'update' },
      { from: 'server', to: 'browser', label: '200, Set-Cookie: session_data (signed copy, COMPLETED)', phase: 'update', reply: true },
      { from: 'browser', to: 'server', label: 'GET /dashboard (session_data cookie)', phase: 'gated' },
      { from: 'server', to: 'browser', label: '200: proxy.ts reads COMPLETED from getCookieCache', phase: 'gated', reply: true },
    ],
  },
} satisfies Record<string, { title: string; messages: Message[] }>

export type FlowName = keyof typeof FLOWS
