import { TokenInspector } from '@/components/TokenInspector'
import ui from '@/components/DemoFrame/ui.module.css'
import { formatLocation } from '@/lab/code-error'
import type { LabResult } from '@/lab/protocol'
import { LabEditDiff } from './LabEditDiff'
import styles from './TokenLab.module.css'

/** The token before and after the update, the session the app would see, and what the attacker got. */
export function LabResults({ result, unedited }: { result: LabResult | null; unedited: LabResult | null }) {
  if (!result) return null
  const { attack } = result
  return (
    <div className={styles.results}>
      {result.refused.length > 0 && (
        <p className={ui.error} data-testid="lab-refused">
          Refused: no session minted. Your provider&apos;s <code>authorize</code> returned <code>null</code> (Auth.js:{' '}
          <code>{result.refused[0]}</code>), so the update&apos;s sign-in left the token as it was.
        </p>
      )}
      {unedited && unedited !== result && <LabEditDiff unedited={unedited.after.claims} edited={result.after.claims} />}
      <TokenInspector before={result.before} after={result.after} headingLevel={2} />
      <div className={styles.pair}>
        <figure>
          <figcaption>The session the app sees after the update</figcaption>
          <pre className={ui.pre} data-testid="lab-session" tabIndex={0}>
            {JSON.stringify(result.session, null, 2)}
          </pre>
        </figure>
        <figure data-testid="lab-attack" data-verdict={attack.letIn ? 'let-in' : 'refused'}>
          <figcaption>The attacker: no session, a forged user and an unsigned ticket</figcaption>
          <p className={attack.letIn ? ui.error : ui.ok}>{attack.detail}</p>
          {attack.errors.map((error, index) => (
            <p key={index} className={styles.attackWhy}>
              {error.file && <code>{formatLocation(error)}</code>} {error.message}
            </p>
          ))}
        </figure>
      </div>
      <details className={styles.requests}>
        <summary>The {result.exchanges.length} requests the update made to Auth.js</summary>
        <ol>
          {result.exchanges.map((exchange, index) => (
            <li key={index}>
              <code>
                {exchange.method} {exchange.path}
              </code>{' '}
              → {exchange.status}
              {exchange.error && ` (${exchange.error})`}
              {exchange.inProcess && ' (by the server, inside the mutation: no browser request)'}
            </li>
          ))}
        </ol>
      </details>
    </div>
  )
}
