// The guide's one answer to "which should I use?", written once and shown wherever a page gives it (home, the
// first chapter, "How to choose", the Starters page, the 404 page), so no page can drift from the others. The
// measured figures that support it are in "How to choose" (pages/guide/approaches.mdx).
import { Link } from 'nextra-theme-docs'

export function Recommendation() {
  return (
    <p data-testid="recommendation" className="recommendation">
      <strong>Recommended:</strong> <Link href="/guide/server-side-update">re-issue the session in the mutation&apos;s own response</Link>,
      from the row it just wrote (v4: <code>encode</code> + <code>Set-Cookie</code>; v5: <code>unstable_update</code>); where
      the change does not go through a route of yours, call{' '}
      <Link href="/guide/built-in-update">
        <code>update()</code> with a <code>jwt</code> callback that re-reads the row
      </Link>
      . Never ship a provider that <Link href="/guide/the-attack">trusts the user the browser sends</Link>.
    </p>
  )
}

export default Recommendation
