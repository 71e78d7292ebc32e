import diff from 'microdiff'
import type { TokenView } from '@/components/OnboardingFlow/demo-api'
import ui from '@/components/DemoFrame/ui.module.css'
import styles from './TokenInspector.module.css'

const KIND = { CREATE: 'added', CHANGE: 'changed', REMOVE: 'removed' } as const

const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value))

/**
 * The session cookie as the browser holds it, and its claims before and after, with their diff.
 * `headingLevel`: one below the section it sits in (an h4 under the update report's h3; an h2 on /lab), so
 * heading levels never skip (Lighthouse and screen readers check the outline).
 */
export function TokenInspector({
  before,
  after,
  headingLevel = 4,
}: {
  before: TokenView | null
  after: TokenView | null
  headingLevel?: 2 | 3 | 4
}) {
  const changes = diff(before?.claims ?? {}, after?.claims ?? {})
  const Heading = `h${headingLevel}` as const
  return (
    <div className={styles.inspector}>
      <Heading className={styles.heading}>Token inspector</Heading>
      {after?.cookie && (
        <p className={styles.cookie} data-testid="cookie-summary">
          Cookie <code>{after.cookie.name}</code>: a compact JWE (encrypted, the browser cannot read or edit it),{' '}
          <strong>{after.cookie.bytes} bytes</strong> in <strong>{after.cookie.chunks}</strong> chunk
          {after.cookie.chunks === 1 ? '' : 's'}.
          <code className={styles.jwe} tabIndex={0}>{after.cookie.value}</code>
        </p>
      )}
      <table className={styles.diff} data-testid="token-diff">
        <caption className={ui.muted}>Claims that differ between before and after (iat, exp and jti change whenever the token is re-encoded)</caption>
        <thead>
          <tr>
            <th scope="col">claim</th>
            <th scope="col">change</th>
            <th scope="col">before</th>
            <th scope="col">after</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 && (
            <tr>
              <td colSpan={4}>No claim changed.</td>
            </tr>
          )}
          {changes.map((c) => (
            <tr key={c.path.join('.')} className={styles[KIND[c.type]]} data-change={KIND[c.type]}>
              <th scope="row">
                <code>{c.path.join('.')}</code>
              </th>
              <td data-label="change">{KIND[c.type]}</td>
              <td data-label="before">
                <code>{show('oldValue' in c ? c.oldValue : undefined)}</code>
              </td>
              <td data-label="after" data-testid="diff-after">
                <code>{show('value' in c ? c.value : undefined)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className={styles.columns}>
        <figure>
          <figcaption>Before</figcaption>
          <pre className={ui.pre} data-testid="token-before" tabIndex={0}>
            {JSON.stringify(before?.claims ?? null, null, 2)}
          </pre>
        </figure>
        <figure>
          <figcaption>After</figcaption>
          <pre className={ui.pre} data-testid="token-after" tabIndex={0}>
            {JSON.stringify(after?.claims ?? null, null, 2)}
          </pre>
        </figure>
      </div>
    </div>
  )
}
