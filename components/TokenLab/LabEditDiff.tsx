import diff from 'microdiff'
import ui from '@/components/DemoFrame/ui.module.css'
import styles from './TokenLab.module.css'

// Re-encoding changes these on every run: comparing them would bury the reader's edit under noise.
const EVERY_RUN = new Set(['iat', 'exp', 'jti'])
const KIND = { CREATE: 'added', CHANGE: 'changed', REMOVE: 'removed' } as const
const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value))

/**
 * What the reader's edit changed in the token after the update, against the preset's own code run unedited.
 * "Claims that differ" compares before and after one run, so a claim the edit adds on both sides shows nowhere there.
 */
export function LabEditDiff({ unedited, edited }: { unedited: Record<string, unknown> | null; edited: Record<string, unknown> | null }) {
  const changes = diff(unedited ?? {}, edited ?? {}).filter((c) => !EVERY_RUN.has(String(c.path[0])))
  return (
    <div className={styles.editDiff} role="region" aria-label="What your edit changed" tabIndex={0}>
      <table className={styles.editTable} data-testid="edit-diff">
        <caption className={ui.muted}>What your edit changed in the token after the update, against the preset&apos;s code unedited</caption>
        <thead>
          <tr>
            <th scope="col">claim</th>
            <th scope="col">change</th>
            <th scope="col">unedited</th>
            <th scope="col">your code</th>
          </tr>
        </thead>
        <tbody>
          {changes.length === 0 && (
            <tr>
              <td colSpan={4}>Your edit changed no claim of the token after the update.</td>
            </tr>
          )}
          {changes.map((c) => (
            <tr key={c.path.join('.')} data-change={KIND[c.type]}>
              <th scope="row">
                <code>{c.path.join('.')}</code>
              </th>
              <td>{KIND[c.type]}</td>
              <td>
                <code>{show('oldValue' in c ? c.oldValue : undefined)}</code>
              </td>
              <td>
                <code>{show('value' in c ? c.value : undefined)}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
