import { useId } from 'react'
import { FLOWS, type FlowName } from './flows'
import type { Actor, Message, Phase } from './types'
import styles from './SequenceDiagram.module.css'

export type { Message } from './types'

// A hand-laid-out sequence diagram: plain SVG elements, no diagram library. On guide pages it is rendered at
// build time into the static HTML; the demo's update report draws the reader's own requests with it.
const WIDTH = 680
const X: Record<Actor, number> = { browser: 90, server: 350, db: 600 }
const NAMES: Record<Actor, string> = { browser: 'Browser', server: 'Next.js server', db: 'Database' }
const TOP = 56
// Labels are 11.5px monospace (SequenceDiagram.module.css): about 6.9px a character. A label longer than the gap
// between two lifelines is wrapped onto more lines, so that no label runs over a lifeline or an arrowhead.
const CHAR = 6.9
const LINE = 14
const MARGIN = 14

/** The label's lines, each narrow enough for the gap its arrow spans (the narrowest gap it crosses). */
export function wrapLabel(label: string, from: Actor, to: Actor): string[] {
  const xs = Object.values(X).filter((x) => x >= Math.min(X[from], X[to]) && x <= Math.max(X[from], X[to]))
  const gap = Math.min(...xs.slice(1).map((x, i) => x - xs[i]))
  const max = Math.max(8, Math.floor((gap - 2 * MARGIN) / CHAR))
  const lines: string[] = []
  for (const word of label.split(' ')) {
    const last = lines.at(-1)
    if (last !== undefined && (last + ' ' + word).length <= max) lines[lines.length - 1] = last + ' ' + word
    else lines.push(word)
  }
  return lines
}
const PHASES: Record<Phase, string> = { mutation: 'the mutation', update: 'the session update', gated: 'the next gated request' }

export function SequenceDiagram({ flow, messages, title }: { flow?: FlowName; messages?: Message[]; title?: string }) {
  const id = 'seq' + useId().replace(/[^a-zA-Z0-9_-]/g, '')
  const rows = messages ?? (flow ? FLOWS[flow].messages : [])
  const caption = title ?? (flow ? FLOWS[flow].title : 'Requests')
  // Each row is as tall as its label's lines; an arrow sits under its label.
  const laid = rows.reduce<{ m: Message; lines: string[]; y: number }[]>((acc, m) => {
    const lines = wrapLabel(m.label, m.from, m.to)
    const top = acc.length ? acc[acc.length - 1].y + 14 : TOP
    acc.push({ m, lines, y: top + (lines.length - 1) * LINE + 16 })
    return acc
  }, [])
  const bottom = (laid.length ? laid[laid.length - 1].y + 14 : TOP) + 8
  const height = bottom + 34
  const used = (Object.keys(PHASES) as Phase[]).filter((p) => rows.some((m) => m.phase === p))
  return (
    <figure className={styles.figure} data-testid="sequence-diagram">
      {/* scroll-cue (styles/global.css): on a phone, where it scrolls, the diagram says so. */}
      <div className={`${styles.scroll} scroll-cue`} data-cue="Scroll sideways for the whole diagram →">
        <svg viewBox={`0 0 ${WIDTH} ${height}`} className={styles.svg} role="img" aria-label={`${caption}. ${describe(rows)}`}>
          <defs>
            {used.map((p) => (
              <marker key={p} id={`${id}-${p}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" className={styles[p]} />
              </marker>
            ))}
          </defs>
          {(Object.keys(X) as Actor[]).map((a) => (
            <g key={a}>
              <rect x={X[a] - 66} y={8} width={132} height={28} rx={6} className={styles.actor} />
              <text x={X[a]} y={27} textAnchor="middle" className={styles.actorName}>
                {NAMES[a]}
              </text>
              <line x1={X[a]} y1={36} x2={X[a]} y2={bottom} className={styles.lifeline} />
            </g>
          ))}
          {laid.map(({ m, lines, y }, i) => {
            const dir = X[m.to] > X[m.from] ? 1 : -1
            const x1 = X[m.from] + dir * 3
            const x2 = X[m.to] - dir * 3
            return (
              <g key={i} data-phase={m.phase}>
                <line x1={x1} y1={y} x2={x2} y2={y} className={`${styles.arrow} ${styles[m.phase]} ${m.reply ? styles.reply : ''}`} markerEnd={`url(#${id}-${m.phase})`} />
                <text x={labelX(m)} y={y - 6 - (lines.length - 1) * LINE} textAnchor="middle" className={styles.label}>
                  {lines.map((line, j) => (
                    <tspan key={j} x={labelX(m)} dy={j === 0 ? 0 : LINE}>
                      {line}
                    </tspan>
                  ))}
                </text>
              </g>
            )
          })}
          {used.map((p, i) => (
            <g key={p} transform={`translate(${20 + i * 220}, ${bottom + 20})`}>
              <line x1={0} y1={0} x2={28} y2={0} className={`${styles.arrow} ${styles[p]}`} />
              <text x={36} y={4} className={styles.legend}>
                {PHASES[p]}
              </text>
            </g>
          ))}
        </svg>
      </div>
      <figcaption className={styles.caption}>{caption}</figcaption>
    </figure>
  )
}

/** A label sits in the middle of the first gap its arrow spans (never on the lifeline an arrow passes over). */
function labelX(m: Message) {
  const xs = Object.values(X).sort((a, b) => a - b)
  const start = X[m.from]
  const dir = X[m.to] > start ? 1 : -1
  const next = dir > 0 ? xs.find((x) => x > start)! : [...xs].reverse().find((x) => x < start)!
  return (start + next) / 2
}

/** The same messages as one sentence each, for screen readers. */
function describe(rows: Message[]) {
  return rows.map((m, i) => `${i + 1}: ${NAMES[m.from]} to ${NAMES[m.to]}: ${m.label}.`).join(' ')
}
