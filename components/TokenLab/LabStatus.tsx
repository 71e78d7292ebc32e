import { formatLocation, type CodeError } from '@/lab/code-error'
import type { LabStatus as Status } from './useLabRunner'
import styles from './TokenLab.module.css'

/** What the runner is doing, and the reader's errors with file and line. */
export function LabStatus({ status, errors }: { status: Status; errors: CodeError[] }) {
  return (
    <div className={styles.status} aria-live="polite">
      <p
        data-testid="lab-status"
        data-state={status.state}
        data-recovery-ms={status.state === 'stopped' ? status.recoveryMs.toFixed(1) : undefined}
        data-worker-start-ms={status.state === 'stopped' ? status.workerStartMs.toFixed(1) : undefined}
      >
        {status.state === 'loading' && 'Loading Auth.js core into a worker…'}
        {status.state === 'running' && 'Running…'}
        {status.state === 'done' &&
          `Ran in ${status.ms.toFixed(0)} ms: sign-in, your update, the attacker${status.compiled ? ' (your edits, compiled)' : ''}.`}
        {status.state === 'failed' && 'Your code has an error: the results below are from the last run that worked.'}
        {status.state === 'stopped' &&
          `Stopped after 2 s. A fresh worker was ready ${status.recoveryMs.toFixed(0)} ms later; the results below are from the last run that worked.`}
      </p>
      {errors.length > 0 && (
        <ul className={styles.errors} data-testid="lab-error">
          {errors.map((error, index) => (
            <li key={index}>
              {error.file && <code className={styles.where}>{formatLocation(error)}</code>} {error.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  )
}
