import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { PROVIDERS, isNaiveSession } from '../claims'
import { honour } from '../session-access'
import { readSessionToken } from '../session-cookie'

// ⚠️ DELIBERATELY VULNERABLE: the source article's provider, kept for the live attack demo.
// It trusts whatever user JSON the client posts, so anyone can fetch a CSRF token (it is bound to
// no session) and mint a session for any user id and role. Never ship this.
// What keeps it a demo and nothing more: the session it mints says `mintedBy: "session-update-naive"`
// (set by the server, from the provider id), and every other writer here refuses such a session: the
// demo API (403), the ticket provider and update(). So it changes the caller's own cookie, in the caller's
// own browser, and no row in the database. Nor is it a way out of revocation: over an existing session it asks
// session-access.ts like any re-mint (a session its policy ends gets no naive one), and the naive session carries
// the caller's epoch and policy, so the gate and "Return as yourself" still judge the caller's real account.

// The article returns JSON.parse(credentials.user) as is. The one guard here keeps the lesson (any id,
// any role is still minted) but stops next-auth from answering 500 when `id` is not a string, e.g.
// {"id":{"toString":1}} (it calls user.id.toString()), or when a field would not render, and drops every
// other key: `mintedBy`, `sid`, `realSub` or `signedInWith` in the JSON never reach the token.
const anyUser = z.object({
  id: z.union([z.string().min(1), z.number()]).transform(String),
  name: z.string().nullish(),
  email: z.string().nullish(),
  image: z.string().nullish(),
  role: z.string().optional(),
  onboardingStep: z.string().optional(),
  ver: z.number().optional(),
})

export const naiveSessionUpdateProvider = CredentialsProvider({
  id: PROVIDERS.naive,
  name: 'Session update (naive, VULNERABLE)',
  credentials: { user: { label: 'User JSON', type: 'text' } },
  async authorize(credentials, req) {
    // Both returns below are the article's guards; without either, JSON.parse's throw (no user: a TypeError inside
    // the try) or an undefined `json` still ends in `return null` (the schema refuses undefined).
    // Stryker disable next-line ConditionalExpression: equivalent, see above.
    if (!credentials?.user) return null
    let json: unknown
    try {
      json = JSON.parse(credentials.user)
    }
    // Stryker disable next-line BlockStatement: equivalent, see above (an emptied catch leaves `json` undefined).
    catch {
      return null
    }
    const parsed = anyUser.safeParse(json)
    if (!parsed.success) return null
    // Remember who the caller really was, so "Return as yourself" can restore that session (the server's
    // own reading of the caller's cookie: a naive session passes on the realSub it already had).
    const current = await readSessionToken(req?.headers?.cookie)
    // Throws SessionRefused (a 401 with its message) when the caller's own session is suspended or revoked.
    if (current) honour(current)
    // A naive session is a session: `current` is set wherever isNaiveSession(current) holds.
    const realSub = isNaiveSession(current) ? current!.realSub : current?.sub
    if (!realSub) return parsed.data
    // Stryker disable next-line OptionalChaining: equivalent, a realSub comes from `current`, so it is set here.
    return { ...parsed.data, realSub, epoch: current?.epoch ?? 0, stalePolicy: current?.stalePolicy, checkedAt: current?.checkedAt }
  },
})
