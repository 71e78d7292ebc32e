import run from '../../bench/results/starters.json'
import { COLUMNS, rows, type StartersRun } from './rows'
import styles from './StartersBench.module.css'

/** The three starters side by side, from the checked-in run of `npm run bench:starters`. */
export function StartersBench({ data = run as unknown as StartersRun }: { data?: StartersRun }) {
  const load = data.loadAverage.before.map((l) => l.toFixed(2)).join(', ')
  return (
    <div className={styles.wrap}>
      <table className={styles.table} aria-label="The three starters measured side by side">
        <thead>
          <tr>
            <th scope="col">Measured</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.name}>
                {c.title}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows(data).map((row) => (
            <tr key={row.label}>
              <th scope="row">{row.label}</th>
              {row.cells.map((cell, i) => (
                <td key={COLUMNS[i].name} data-label={COLUMNS[i].title}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <p className={styles.note}>
        <code>npm run bench:starters</code>, {data.date.slice(0, 10)}: {data.runs} updates per starter, production builds on one machine ({data.machine.cpu},
        load average {load} at the start), every request through a proxy that adds {data.rttMs} ms of round trip.
      </p>
    </div>
  )
}
