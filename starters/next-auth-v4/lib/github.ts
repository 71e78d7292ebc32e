// GitHub sign-in, and the one rule for linking it to an existing user: only through an email address GitHub
// says is the account's primary, verified address. Anyone can put any address on a GitHub profile; linking
// by an unverified one would hand the existing user's account to whoever typed their address.
import GitHubProvider, { type GithubProfile } from 'next-auth/providers/github'
import { createLinkedUser, findLinkedUser, findUserByEmail, linkAccount, type UserRow } from './users'

/** One entry of GitHub's `GET /user/emails` (needs the `user:email` scope, which the provider asks for). */
export type GitHubEmail = { email: string; primary: boolean; verified: boolean }

/** The account's primary address when GitHub has verified it, else null. */
export function primaryVerifiedEmail(entries: unknown): string | null {
  if (!Array.isArray(entries)) return null
  const primary = (entries as GitHubEmail[]).find((e) => e?.primary === true && e?.verified === true && typeof e.email === 'string')
  return primary ? primary.email.toLowerCase() : null
}

/** The profile as the jwt and signIn callbacks see it: GitHub's, plus whether its email is the verified primary. */
export type VerifiedGitHubProfile = GithubProfile & { email: string | null; email_verified: boolean }

/** next-auth's GitHub provider, whose profile says whether its email is GitHub's primary, verified address. */
export function gitHubProvider(clientId: string, clientSecret: string) {
  return GitHubProvider({
    clientId,
    clientSecret,
    userinfo: {
      url: 'https://api.github.com/user',
      async request({ client, tokens }) {
        const profile = (await client.userinfo(tokens.access_token!)) as unknown as GithubProfile
        // The provider's own request asks for /user/emails only when the profile shows no public email, and
        // then takes the primary address, verified or not: ask always, and say whether it is verified.
        const res = await fetch('https://api.github.com/user/emails', {
          headers: { Authorization: `token ${tokens.access_token}`, Accept: 'application/vnd.github+json' },
        })
        const verified = res.ok ? primaryVerifiedEmail(await res.json()) : null
        const email = (profile.email ?? verified)?.toLowerCase() ?? null
        const verifiedProfile: VerifiedGitHubProfile = { ...profile, email, email_verified: email !== null && email === verified }
        return verifiedProfile as unknown as Record<string, unknown> // next-auth's Profile type has no null name
      },
    },
  })
}

export type LinkDecision = { ok: true; row: UserRow } | { ok: false; code: 'GitHubEmailUnverified' }

/**
 * The user a GitHub sign-in becomes: the one already linked to this GitHub account; else the user holding its
 * email, linked now, only when that email is GitHub's verified primary address (refused otherwise); else a new
 * user, who keeps the email only when it is verified.
 */
export async function resolveGitHubUser(input: {
  providerAccountId: string
  email: string | null | undefined
  emailVerified: boolean
  name: string | null | undefined
}): Promise<LinkDecision> {
  const linked = await findLinkedUser('github', input.providerAccountId)
  if (linked) return { ok: true, row: linked }
  const owner = input.email ? await findUserByEmail(input.email) : undefined
  if (owner) {
    if (!input.emailVerified) return { ok: false, code: 'GitHubEmailUnverified' }
    await linkAccount({ provider: 'github', providerAccountId: input.providerAccountId, userId: owner.id })
    return { ok: true, row: owner }
  }
  const email = input.emailVerified ? (input.email ?? null) : null
  const row = await createLinkedUser({ provider: 'github', providerAccountId: input.providerAccountId, email, name: input.name ?? null })
  return { ok: true, row }
}
