import { useEffect, useState } from 'react'
import { TokenInspector } from '@/components/TokenInspector'
import ui from '@/components/DemoFrame/ui.module.css'
import { loadUpdateReport, type UpdateReportData } from './store'
import styles from './UpdateReport.module.css'

/** What the last session update cost, measured in this browser, and the token before and after it. */
export function UpdateReport() {
  const [report, setReport] = useState<UpdateReportData | null | undefined>(undefined)
  useEffect(() => setReport(loadUpdateReport()), [])
  if (report === undefined) return null
  if (report === null) {
    return (
      <p className={ui.muted} data-testid="update-report-empty">
        No session update was measured in this tab yet: reset onboarding and complete it again to see what an update
        costs and how the token changes.
      </p>
    )
  }
  const { cost } = report
  return (
    <section className={ui.card} aria-labelledby="update-report-title" data-testid="update-report">
      <h3 id="update-report-title" className={styles.title}>
        Last update: {report.label}
      </h3>
      <dl className={styles.figures}>
        <div>
          <dt>HTTP requests</dt>
          <dd data-testid="cost-requests">{cost.requests.length}</dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd data-testid="cost-ms">{cost.ms} ms</dd>
        </div>
        <div>
          <dt>Database reads</dt>
          <dd data-testid="cost-db-reads">{cost.dbReads}</dd>
        </div>
      </dl>
      <ol className={styles.requests}>
        {cost.requests.map((r, i) => (
          <li key={i}>
            <code>
              {r.method} {r.path}
            </code>{' '}
            → {r.status}
            {r.dbReads > 0 && `, ${r.dbReads} DB read${r.dbReads > 1 ? 's' : ''}`}
          </li>
        ))}
      </ol>
      {report.refetch && (
        <p data-testid="cost-refetch">
          Then, for <code>useSession()</code>: <code>getSession()</code>, {report.refetch.requests.length} request
          {report.refetch.requests.length === 1 ? '' : 's'}, {report.refetch.ms} ms, {report.refetch.dbReads} DB read
          {report.refetch.dbReads === 1 ? '' : 's'} (not needed to change the cookie; it refreshes other tabs).
        </p>
      )}
      <p className={ui.muted}>
        Measured in this browser at {new Date(report.at).toLocaleTimeString()};{' '}
        {report.inResponse ? 'the mutation is the update, so it is counted.' : 'the mutation itself is not counted.'}
      </p>
      <TokenInspector before={report.before} after={report.after} />
    </section>
  )
}
