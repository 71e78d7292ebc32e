// The chapter "When someone else changes the user" quotes `npm run bench:stale`'s figures in its tables and prose,
// typed into the MDX; the run writes them to public/charts/stale-policies.json with the chart. A re-run that moves a
// figure, or a figure typed wrong, fails here: the page says what the committed run measured, nothing else.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import figures from '@/public/charts/stale-policies.json'

const chapter = readFileSync('pages/guide/someone-else-changes.mdx', 'utf8')
const count = (n: number) => Math.round(n).toLocaleString('en-US')
const seconds = (s: number) => `${s.toFixed(2)} s`

/** The cells of the table row that starts with `| <policy> |`, in one of the chapter's tables (by its header). */
function row(header: string, policy: string): string[] {
  const table = chapter.slice(chapter.indexOf(header))
  const line = table.split('\n').find((l) => l.startsWith(`| ${policy} |`))
  if (!line) throw new Error(`No row "${policy}" under "${header}"`)
  return line.split('|').slice(2, -1).map((cell) => cell.trim())
}

describe('the stale-claims chapter quotes the committed bench:stale run', () => {
  const { demo, v5, databaseSessions: db, n } = figures
  const costs = '| policy | DB reads / 1,000 requests (gate)'
  const staleness = '| policy | a promotion reaches the token after'
  const throttled = `throttled re-read, N = ${n} s`

  it('runs 1,000 requests per policy, as the chapter says', () => {
    expect(figures.requests).toBe(1000)
    expect(chapter).toContain(`for each policy, ${count(figures.requests)} requests through the gate`)
  })

  it('the gate: reads and check time per policy', () => {
    const policies = [['none', demo.none], [throttled, demo.throttled], ['per-user epoch', demo.epoch]] as const
    for (const [policy, measured] of policies) {
      const [reads, checkTime] = row(costs, policy)
      expect(reads, policy).toMatch(new RegExp(`^${count(measured.reads)}\\b`))
      expect(checkTime, policy).toMatch(new RegExp(`^${count(measured.checkMs)} ms\\b`))
    }
  })

  it('v5 auth() middleware: jwt calls / reads / ms per policy', () => {
    const policies = [['none', v5.none], [throttled, v5.throttled], ['per-user epoch', v5.epoch]] as const
    for (const [policy, measured] of policies) {
      const cell = row(costs, policy)[2]
      expect(cell, policy).toMatch(new RegExp(`^${count(measured.jwtCalls)} / ${count(measured.reads)} / ${count(measured.msPer1000)}\\b`))
    }
    // "12 ms a request": the no-policy run's whole time per request.
    expect(chapter).toContain(`(${count(v5.none.msPer1000 / 1000)} ms a request`)
  })

  it('database sessions: counted reads, the lookup and the whole requests', () => {
    expect(db.answered).toBe(db.requests)
    const [reads, lookup] = row(costs, 'database sessions')
    expect(reads).toContain(`${count(db.getSessionAndUser)} (one \`getSessionAndUser\` per check)`)
    expect(lookup).toMatch(new RegExp(`^${count(db.lookupMsPer1000)} ms\\b`))
    expect(chapter).toMatch(new RegExp(`took\\s+${count(db.requestMsPer1000)} ms per 1,000`))
  })

  it('staleness: when a promotion and a suspension show', () => {
    expect(row(staleness, throttled)).toEqual([
      expect.stringMatching(new RegExp(`^${seconds(demo.throttled.promotionS!)}`)),
      seconds(demo.throttled.suspensionS!),
    ])
    expect(row(staleness, 'per-user epoch')[1]).toMatch(new RegExp(`^${seconds(demo.epoch.suspensionS!)}`))
    // Never seen within the run: the chapter says so rather than quoting a number.
    expect(demo.none.promotionS).toBeNull()
    expect(row(staleness, 'none')[0]).toMatch(/^not seen/)
    expect(demo.epoch.promotionS).toBeNull()
    expect(row(staleness, 'per-user epoch')[0]).toMatch(/^not seen/)
  })

  it('the throttled re-read read the row as often as the prose says', () => {
    expect(chapter).toContain(`re-read read the row ${demo.throttled.reads} times`)
  })
})
