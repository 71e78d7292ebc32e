import type { ReactNode } from 'react'

/**
 * A sentence of the guide that states what a library does, with the id of the test that checks it against the real
 * library (tests/claims/). Renders the sentence as written, plus a small link to its entry on /guide/claims.
 * `id` is optional in the type only because Nextra's MDX component map types every prop as optional; the ledger
 * test refuses a <Claim> without one.
 */
export function Claim({ id, children }: { id?: string; children?: ReactNode }) {
  return (
    <span data-claim={id}>
      {children}
      <a href={`/guide/claims#${id}`} className="claim-mark" aria-label={`Tested claim ${id}`} title="Tested against the real library">
        <sup>✓</sup>
      </a>
    </span>
  )
}
