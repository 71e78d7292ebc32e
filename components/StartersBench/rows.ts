// The table's rows, computed from a run of `npm run bench:starters` (bench/results/starters.json): every figure the
// chapter shows is one the bench measured, none typed in. Kept apart from the component so a test can check each cell.
import type { StarterFigures, StarterName } from '../../bench/starters/measure'

export type StarterResult = StarterFigures & { authCodeLines: { total: number }; ratioToV5?: number }
export interface StartersRun {
  date: string
  rttMs: number
  runs: number
  machine: { cpu: string }
  loadAverage: { before: number[]; after: number[] }
  starters: Record<StarterName, StarterResult>
}

export const COLUMNS: { name: StarterName; title: string }[] = [
  { name: 'next-auth-v4', title: 'next-auth v4' },
  { name: 'authjs-v5', title: 'Auth.js v5' },
  { name: 'better-auth', title: 'Better Auth' },
]

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`

export function revocationCell(r: StarterResult['revocation']): string {
  return r.refusedAfterMs === null
    ? `still passing after ${seconds(r.waitedMs)} (${r.configured})`
    : `refused after ${seconds(r.refusedAfterMs)} (${r.configured})`
}

export function rows(run: StartersRun): { label: string; cells: string[] }[] {
  const each = (cell: (s: StarterResult) => string) => COLUMNS.map(({ name }) => cell(run.starters[name]))
  return [
    { label: 'Requests per update (the mutation and the first gated navigation)', cells: each((s) => String(s.requestsPerUpdate)) },
    { label: 'Database reads + writes during the update', cells: each((s) => `${s.updateReads} + ${s.updateWrites}`) },
    { label: 'Database reads per gated navigation, warm / cold', cells: each((s) => `${s.gateReadsWarm} / ${s.gateReadsCold}`) },
    { label: 'Session cookie bytes (name and value)', cells: each((s) => String(s.cookieBytes)) },
    {
      label: `Mutation start to a gate that lets the user through, median ms at ${run.rttMs} ms RTT (ratio to v5)`,
      cells: each((s) => `${s.mutationToGateMs} (${(s.ratioToV5 ?? NaN).toFixed(2)}×)`),
    },
    { label: 'Another device after sign-out (everywhere, where the library has it)', cells: each((s) => revocationCell(s.revocation)) },
    { label: 'Lines of auth code a reader writes', cells: each((s) => String(s.authCodeLines.total)) },
  ]
}
