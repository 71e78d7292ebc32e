import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { abuseLimits } from '../abuse-config'
import { PROVIDERS, userFromRow } from '../claims'
import { createGuest } from '../users'

// Printable text only: no control characters (Cc), no format characters (Cf: zero-width spaces and joiners,
// bidi overrides and isolates such as U+202E), no line or paragraph separators, no private-use or lone surrogates.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u

export const displayName = z
  .string({ error: 'Enter a display name.' })
  .trim()
  .min(1, 'Enter a display name.')
  .max(40, 'A display name has at most 40 characters.')
  .refine((name) => !UNPRINTABLE.test(name), 'A display name holds printable text only (no control, zero-width or bidi characters).')

/**
 * "Continue as a guest": every sign-in creates a new user row, so two guests never share a session.
 * Rate and row limits are answered with a 429 before this runs (demo/api/auth.ts); the cap is checked
 * again here, in the insert's own transaction, for servers racing on the last row.
 */
export const guestProvider = CredentialsProvider({
  id: PROVIDERS.guest,
  name: 'Guest',
  credentials: { name: { label: 'Display name', type: 'text' } },
  async authorize(credentials) {
    const parsed = displayName.safeParse(credentials?.name)
    // A thrown message reaches the client as `signIn(...).error` with a 401, not a 500.
    if (!parsed.success) throw new Error(parsed.error.issues[0].message)
    return userFromRow(createGuest(parsed.data, abuseLimits().guestRowsMax))
  },
})
