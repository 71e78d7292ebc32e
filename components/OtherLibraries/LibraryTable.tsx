import { Fragment, type ReactNode } from 'react'
import { sourceHref } from '../TestLink/href'
import { libraries, pinned, type Fact, type Source } from './ledger'
import styles from './LibraryTable.module.css'

/** `code` spans in a cell's text, as in Markdown. */
function inline(text: string): ReactNode[] {
  return text.split('`').map((part, i) => (i % 2 ? <code key={i}>{part}</code> : <Fragment key={i}>{part}</Fragment>))
}

const keyOf = (s: Source) => JSON.stringify(s)

/** Every distinct source, numbered in the order the table cites them: the footnotes under the table. */
const numbered: Source[] = []
const numberOf = new Map<string, number>()
for (const lib of libraries) {
  for (const fact of [lib.api, lib.where, lib.requests, lib.otherDevice, lib.endOther]) {
    for (const s of fact.sources) {
      if (!numberOf.has(keyOf(s))) numberOf.set(keyOf(s), numbered.push(s))
    }
  }
}

function Cited({ label, fact }: { label: string; fact: Fact }) {
  return (
    <p className={styles.fact}>
      <span className={styles.label}>{label}</span> {inline(fact.text)}
      {fact.sources.map((s) => {
        const n = numberOf.get(keyOf(s))!
        return (
          <sup key={n} className={styles.ref}>
            <a href={`#source-${n}`} aria-label={`source ${n}`}>
              {n}
            </a>
          </sup>
        )
      })}
    </p>
  )
}

function SourceItem({ source }: { source: Source }) {
  if ('test' in source) {
    return (
      <>
        test <a href={sourceHref(source.test)}><code>{source.test}</code></a>: “{source.name}”
      </>
    )
  }
  if ('pkg' in source) {
    return (
      <>
        <code>
          {source.pkg}@{pinned[source.pkg]} {source.file}:{source.line}
        </code>
        : “{source.quote}”
      </>
    )
  }
  return (
    <>
      docs <a href={source.docs}>{source.docs.replace(/^https:\/\//, '')}</a>: {source.says}
    </>
  )
}

/** The comparison of chapter "Other libraries": three columns (stacked on a phone), each fact with its numbered source. */
export function LibraryTable() {
  return (
    <table className={styles.table} aria-label="How each library changes a claim in the session">
      <thead>
        <tr>
          <th scope="col" className={styles.nameCol}>Library</th>
          <th scope="col">In this browser, now</th>
          <th scope="col">On another device</th>
        </tr>
      </thead>
      <tbody>
        {libraries.map((lib) => (
          <tr key={lib.name}>
            <th scope="row" className={styles.name}>
              {lib.name}
              <span className={styles.version}>
                {lib.pkg} {lib.version}
              </span>
            </th>
            <td>
              <Cited label="API" fact={lib.api} />
              <Cited label="Where" fact={lib.where} />
              <Cited label="Requests to the gate" fact={lib.requests} />
            </td>
            <td>
              <Cited label="Learns of a change" fact={lib.otherDevice} />
              <Cited label="Server can end it" fact={lib.endOther} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** The footnotes: every source the table cites, numbered as the table cites them (anchors #source-N). */
export function LibrarySources() {
  return (
    <ol className={styles.sources}>
      {numbered.map((s, i) => (
        <li key={i} id={`source-${i + 1}`}>
          <SourceItem source={s} />
        </li>
      ))}
    </ol>
  )
}
