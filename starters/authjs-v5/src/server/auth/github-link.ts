// GitHub sign-in, linked to an existing user only through an address GitHub has verified. A GitHub profile's
// `email` is whatever public address the account chose, verified or not: linking by it would hand an existing
// user's account to anyone who types their address into a GitHub profile. The verified address comes from
// GET /user/emails (the `user:email` scope Auth.js's GitHub provider asks for): its primary entry, if verified.
import { eq } from 'drizzle-orm'
import { db, type Database } from '~/server/db'
import { users, type User } from '~/server/db/schema'
import { findUserByEmail, findUserByGithubId } from '~/server/db/users'

export interface GithubEmail {
  email: string
  primary: boolean
  verified: boolean
}

/** The primary address, only if GitHub says it is verified. */
export function primaryVerifiedEmail(emails: readonly GithubEmail[]): string | null {
  const primary = emails.find((e) => e.primary && e.verified)
  return primary ? primary.email.trim().toLowerCase() : null
}

export async function fetchGithubEmails(accessToken: string, fetchImpl: typeof fetch = fetch): Promise<GithubEmail[]> {
  const res = await fetchImpl('https://api.github.com/user/emails', {
    headers: { Authorization: `Bearer ${accessToken}`, Accept: 'application/vnd.github+json', 'User-Agent': 'authjs-v5-starter' },
  })
  if (!res.ok) return []
  const list: unknown = await res.json()
  return Array.isArray(list) ? (list as GithubEmail[]) : []
}

export type GithubLink = { user: User } | { refused: 'GithubEmailUnverified' | 'GithubEmailTaken' }

/** Shown on /signin?error=<code>. */
export const GITHUB_REFUSALS: Record<string, string> = {
  GithubEmailUnverified:
    'An account with this GitHub address already exists, and GitHub does not report the address as your verified primary email. Verify it on GitHub (Settings → Emails) or sign in the way you did before.',
  GithubEmailTaken: 'An account with this address is already linked to another GitHub account.',
}

/**
 * The decision, one place: the user this GitHub account signs in as, or why not.
 * 1. Already linked (by GitHub's account id): that user.
 * 2. The verified primary address matches a user not linked yet: link it.
 * 3. The address the profile shows matches a user, but is not verified as primary: refused.
 * 4. Otherwise a new user, holding the verified address only (never an unverified one).
 */
export async function linkGithubSignIn(
  input: { githubId: string; name?: string | null; profileEmail?: string | null; emails: readonly GithubEmail[] },
  conn: Database = db,
): Promise<GithubLink> {
  const linked = await findUserByGithubId(input.githubId, conn)
  if (linked) return { user: linked }
  const verified = primaryVerifiedEmail(input.emails)
  if (verified) {
    const existing = await findUserByEmail(verified, conn)
    if (existing) {
      if (existing.githubId) return { refused: 'GithubEmailTaken' }
      const [row] = await conn.update(users).set({ githubId: input.githubId }).where(eq(users.id, existing.id)).returning()
      return { user: row! }
    }
  }
  const claimed = input.profileEmail?.trim().toLowerCase()
  if (claimed && claimed !== verified && (await findUserByEmail(claimed, conn))) return { refused: 'GithubEmailUnverified' }
  const [row] = await conn.insert(users).values({ email: verified, githubId: input.githubId, name: input.name ?? null }).returning()
  return { user: row! }
}
