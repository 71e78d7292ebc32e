import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { PROVIDERS } from '../claims'

// ⚠️ DELIBERATELY VULNERABLE: the source article's provider, kept for the live attack demo.
// It trusts whatever user JSON the client posts, so anyone can fetch a CSRF token (it is bound to
// no session) and mint a session for any user id and role. Never ship this. It can only mint a
// session for the browser that asks, so it harms nothing but the caller's own demo session.

// The article returns JSON.parse(credentials.user) as is. The one guard here keeps the lesson (any
// well-formed user JSON is still minted) but stops next-auth from answering 500 when `id` is not a
// string, e.g. {"id":{"toString":1}} (it calls user.id.toString()), or when a field would not render.
const anyUser = z.looseObject({
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
  async authorize(credentials) {
    if (!credentials?.user) return null
    const parsed = anyUser.safeParse(JSON.parse(credentials.user))
    return parsed.success ? parsed.data : null
  },
})
