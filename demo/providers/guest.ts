import CredentialsProvider from 'next-auth/providers/credentials'
import { z } from 'zod'
import { abuseLimits } from '../abuse-config'
import { PROVIDERS, userFromRow } from '../claims'
import { createGuest } from '../users'

// Printable text only: no control characters (Cc), no format characters (Cf: zero-width spaces and joiners,
// bidi overrides and isolates such as U+202E), no line or paragraph separators, no private-use or lone surrogates.
const UNPRINTABLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cs}\p{Zl}\p{Zp}]/u

// What draws nothing on its own: default-ignorable code points (U+3164 HANGUL FILLER and its half-width and jamo
// siblings are among them), format characters, combining marks (they draw on a base, or on nothing), separators
// and white space, and the few graphic characters that are blank by design (U+2800 BRAILLE PATTERN BLANK).
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{M}\p{Z}\s\u2800]/gu
// More marks on one base than any language writes (Vietnamese stacks two, some scripts three or four):
// past that it is "zalgo" text that draws over the lines around it.
const MARK_STACK = /\p{M}{5,}/u

/** The name with everything that draws nothing removed, after NFKC (which folds look-alike spaces and widths). */
export function visiblePart(name: string): string {
  return name.normalize('NFKC').replace(INVISIBLE, '')
}

export const displayName = z
  .string({ error: 'Enter a display name.' })
  .trim()
  // Nothing left after trim(): the schema's own error above, 'Enter a display name.' (a message here would repeat it).
  .min(1)
  .max(40, 'A display name has at most 40 characters.')
  .refine((name) => !UNPRINTABLE.test(name), 'A display name holds printable text only (no control, zero-width or bidi characters).')
  .refine((name) => visiblePart(name).length > 0, 'A display name must show something: this one renders as blank.')
  .refine((name) => !MARK_STACK.test(name.normalize('NFD')), 'A display name stacks at most four combining marks on one letter.')

/**
 * "Continue as a guest": every sign-in creates a new user row, so two guests never share a session.
 * Rate and row limits are answered with a 429 before this runs (demo/api/auth.ts); the cap is checked
 * again here, in the insert's own transaction, for servers racing on the last row.
 */
export const guestProvider = CredentialsProvider({
  id: PROVIDERS.guest,
  name: 'Guest',
  // next-auth 4 reads these only to draw its own sign-in page, which pages.signIn ('/demo') replaces.
  // Stryker disable next-line ObjectLiteral,StringLiteral: authorize() gets the whole request body whatever they list.
  credentials: { name: { label: 'Display name', type: 'text' } },
  async authorize(credentials) {
    const parsed = displayName.safeParse(credentials?.name)
    // A thrown message reaches the client as `signIn(...).error` with a 401, not a 500.
    if (!parsed.success) throw new Error(parsed.error.issues[0].message)
    return userFromRow(createGuest(parsed.data, abuseLimits().guestRowsMax))
  },
})
