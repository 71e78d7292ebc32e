import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { PROVIDERS, userFromRow } from '../claims'
import { createGuest } from '../users'

const displayName = z
  .string({ error: 'Enter a display name.' })
  .trim()
  .min(1, 'Enter a display name.')
  .max(40, 'A display name has at most 40 characters.')

/** "Continue as a guest": every sign-in creates a new user row, so two guests never share a session. */
export const guestProvider = CredentialsProvider({
  id: PROVIDERS.guest,
  name: 'Guest',
  credentials: { name: { label: 'Display name', type: 'text' } },
  async authorize(credentials) {
    const parsed = displayName.safeParse(credentials?.name)
    // A thrown message reaches the client as `signIn(...).error` with a 401, not a 500.
    if (!parsed.success) throw new Error(parsed.error.issues[0].message)
    return userFromRow(createGuest(parsed.data))
  },
})
