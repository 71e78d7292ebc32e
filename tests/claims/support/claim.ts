import { describe } from 'vitest'

/** The library versions a claim can be about: the sentence in the guide names one or more of them. */
export type ClaimVersion = 'v4' | 'v5' | 'better-auth'

/**
 * One claim of the guide, tested against the real library. The id is the one the MDX source carries in
 * `<Claim id="…">`; tests/claims/ledger.test.ts fails when a page holds an id with no test or a test names an id no
 * page uses. The describe title keeps the id greppable in reports: `claim <id> [v4, v5]`.
 */
export function claim(id: string, versions: ClaimVersion[], body: () => void) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) throw new Error(`claim id "${id}": lowercase words joined by "-"`)
  if (versions.length === 0) throw new Error(`claim ${id}: name the version(s) the sentence is about`)
  describe(`claim ${id} [${versions.join(', ')}]`, body)
}
