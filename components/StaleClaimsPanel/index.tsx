import { signOut } from 'next-auth/react'
import { useCallback, useEffect, useState } from 'react'
import ui from '@/components/DemoFrame/ui.module.css'
import {
  changeRow,
  choosePolicy,
  fetchStatus,
  requestThroughGate,
  signOutEverywhere,
  type Policy,
  type StaleStatus,
} from './api'
import { publishToken } from '@/components/DemoFrame/current-token'
import styles from './StaleClaimsPanel.module.css'

const POLICY_LABELS: Record<Policy, string> = {
  none: 'None: the token is trusted until it expires',
  throttled: 'Throttled re-read: the row is read again when the last check is older than N seconds',
  epoch: 'Per-user epoch: every request compares the token’s epoch with the row’s',
}

interface LogLine {
  at: number
  text: string
}

const FIELDS = [
  ['role', 'role', 'role'],
  ['onboardingStep', 'onboardingStep', 'onboardingStep'],
  ['version', 'version', 'ver'],
  ['epoch', 'sessionEpoch', 'epoch'],
  ['suspended', 'suspended', null],
] as const

/**
 * "Someone else changes you": change your own row as an admin or a job would (never your cookie), then make
 * requests through the gate and watch when your session's policy notices.
 */
export function StaleClaimsPanel() {
  const [status, setStatus] = useState<StaleStatus | null>(null)
  const [ended, setEnded] = useState(false)
  const [log, setLog] = useState<LogLine[]>([])
  const [changedAt, setChangedAt] = useState<number | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  // Bumped on each refusal: the policy radios are drawn again from the status, whatever the click left checked.
  const [refusals, setRefusals] = useState(0)
  const [now, setNow] = useState(() => Date.now())

  const note = useCallback((text: string) => setLog((l) => [{ at: Date.now(), text }, ...l].slice(0, 12)), [])
  // Every display on the page follows the token the server reports: this panel's table and the session bar.
  const show = useCallback((next: StaleStatus) => {
    setStatus(next)
    publishToken({ ended: false, claims: next.token })
  }, [])
  const end = useCallback(() => {
    setEnded(true)
    setStatus(null)
    publishToken({ ended: true })
  }, [])
  const refresh = useCallback(async () => {
    try {
      show(await fetchStatus())
    } catch (e) {
      end()
      setError((e as Error).message)
    }
  }, [show, end])

  useEffect(() => {
    void refresh()
    const tick = setInterval(() => setNow(Date.now()), 1000)
    return () => clearInterval(tick)
  }, [refresh])

  // A refusal stays on screen, and the panel as it was, until an action succeeds.
  async function run(action: () => Promise<void>) {
    setBusy(true)
    try {
      await action()
      setError(null)
    } catch (e) {
      setError((e as Error).message)
      setRefusals((n) => n + 1)
    } finally {
      setBusy(false)
    }
  }

  const since = () => (changedAt === null ? '' : ` (${((Date.now() - changedAt) / 1000).toFixed(1)} s after the change)`)

  const change = (body: Parameters<typeof changeRow>[0], label: string) =>
    run(async () => {
      await changeRow(body)
      setChangedAt(Date.now())
      note(`Row changed: ${label}. Your cookie was not touched.`)
      await refresh()
    })

  const throughGate = () =>
    run(async () => {
      const before = status?.token
      const { ended: gone } = await requestThroughGate()
      if (gone) {
        note(`Request through the gate: session ENDED${since()}.`)
        end()
        return
      }
      const after = await fetchStatus()
      show(after)
      const refreshed = after.token.checkedAt !== before?.checkedAt || after.token.role !== before?.role
      note(`Request through the gate: ${refreshed ? `token refreshed from the row${since()}` : 'token kept as it was'}.`)
    })

  if (ended) {
    return (
      <section className={ui.card} data-testid="stale-panel" data-state="ended">
        <p role="status" data-testid="stale-ended">
          <strong>Your session has ended.</strong> The gate refused this browser’s token on its next check.{' '}
          <a href="/demo">Sign in again</a>.
        </p>
        <Log log={log} />
      </section>
    )
  }
  if (!status) return <p aria-busy="true">Loading your row and token…</p>

  const { row, token, policy, recheckSeconds } = status
  const nextCheck = policy === 'throttled' ? Math.max(0, (token.checkedAt ?? 0) + recheckSeconds - Math.floor(now / 1000)) : null

  return (
    <section className={ui.card} data-testid="stale-panel" data-state="live" aria-labelledby="stale-title">
      <h2 id="stale-title" className={styles.title}>
        Someone else changes you
      </h2>
      <fieldset className={ui.fieldset} disabled={busy} key={refusals}>
        <legend>How your session learns about changes</legend>
        {(Object.keys(POLICY_LABELS) as Policy[]).map((p) => (
          <label key={p} className={ui.option}>
            <input
              type="radio"
              name="stale-policy"
              value={p}
              checked={policy === p}
              onChange={() =>
                run(async () => {
                  await choosePolicy(p)
                  note(`Policy: ${p}${p === 'throttled' ? ` (N = ${recheckSeconds} s)` : ''}.`)
                  await refresh()
                })
              }
            />{' '}
            {POLICY_LABELS[p].replace('N seconds', `${recheckSeconds} seconds`)}
          </label>
        ))}
      </fieldset>

      <div className={styles.actions}>
        <span className={ui.muted}>As an admin or a job:</span>
        <button type="button" className={ui.secondary} disabled={busy} onClick={() => change({ role: row.role === 'editor' ? 'reader' : 'editor' }, `role → ${row.role === 'editor' ? 'reader' : 'editor'}`)}>
          Make me {row.role === 'editor' ? 'reader' : 'editor'}
        </button>
        <button type="button" className={ui.secondary} disabled={busy || row.suspended} onClick={() => change({ suspended: true }, 'suspended')}>
          Suspend me
        </button>
        <span className={ui.muted}>As you:</span>
        <button type="button" className={ui.primary} disabled={busy} onClick={throughGate}>
          Next request through the gate
        </button>
        <button
          type="button"
          className={ui.secondary}
          disabled={busy}
          onClick={() =>
            run(async () => {
              await signOutEverywhere()
              await signOut({ callbackUrl: '/demo' })
            })
          }
        >
          Sign out everywhere
        </button>
      </div>
      {error && (
        <p role="alert" className={ui.error}>
          {error}
        </p>
      )}

      <table className={styles.compare} data-testid="stale-compare">
        <caption className={ui.muted}>Your row (the truth) beside the token this browser holds</caption>
        <thead>
          <tr>
            <th scope="col">field</th>
            <th scope="col">row</th>
            <th scope="col">token</th>
          </tr>
        </thead>
        <tbody>
          {FIELDS.map(([label, rowKey, tokenKey]) => {
            const r = row[rowKey]
            const t = tokenKey ? (token[tokenKey] ?? (tokenKey === 'epoch' ? 0 : undefined)) : '—'
            const stale = tokenKey !== null && r !== t
            return (
              <tr key={label} data-field={label} data-stale={stale ? 'true' : 'false'} className={stale ? styles.stale : undefined}>
                <th scope="row">{label}</th>
                <td data-testid={`row-${label}`}>{String(r)}</td>
                <td data-testid={`token-${label}`}>{String(t)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p className={ui.muted} data-testid="stale-countdown">
        {policy === 'none' && `Policy none: nothing re-reads the row; this token is trusted until it expires (${new Date(Number(token.exp) * 1000).toLocaleDateString()}).`}
        {policy === 'throttled' &&
          (nextCheck === 0 ? 'Throttled: the next request through the gate re-reads the row.' : `Throttled: the next re-read is due in ${nextCheck} s (on the first request after that).`)}
        {policy === 'epoch' && 'Epoch: the next request through the gate compares epochs (one read); a suspension, a demotion or "sign out everywhere" ends the session then. A promotion is not a revocation: the token keeps its claims.'}
      </p>
      <Log log={log} />
    </section>
  )
}

function Log({ log }: { log: LogLine[] }) {
  if (log.length === 0) return null
  return (
    <ol className={styles.log} data-testid="stale-log" aria-label="What happened, newest first">
      {log.map((l) => (
        <li key={`${l.at}-${l.text}`}>
          <time>{new Date(l.at).toLocaleTimeString()}</time> {l.text}
        </li>
      ))}
    </ol>
  )
}
