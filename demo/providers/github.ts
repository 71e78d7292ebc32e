import GithubProvider from 'next-auth/providers/github'

/** GitHub sign-in, as in the article: present only when GITHUB_ID and GITHUB_SECRET are set. */
export function githubProvider() {
  const { GITHUB_ID, GITHUB_SECRET } = process.env
  return GITHUB_ID && GITHUB_SECRET ? [GithubProvider({ clientId: GITHUB_ID, clientSecret: GITHUB_SECRET })] : []
}
