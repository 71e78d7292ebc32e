import { Children, Fragment, isValidElement, useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import styles from './VersionTabs.module.css'

// The v4/v5 tabs of the guide. Not Nextra's `Tabs`: that one is built on Headless UI's Tab, 4.1 KiB gzip of
// JavaScript on every chapter, the largest part of a chapter's own first-load JS once its code blocks became page
// data (mdx/code-as-page-data.mjs). This keeps what the guide used from it: the same look (Nextra's own classes),
// the WAI-ARIA tabs pattern (arrow keys, Home, End, roving tabindex), and one remembered choice that every tab set
// follows, across pages and browser tabs. The server sends every panel, the unchosen ones hidden: a first load's
// code blocks are in the HTML only (components/StaticCode/page-data.ts), where the first render reads them back.

/** The chosen index lives here; every tab set follows it. */
export const VERSION_STORAGE_KEY = 'session-update-lab:next-auth-version'
const VERSIONS = ['next-auth v4', 'Auth.js v5 (next-auth@beta)']

/** `?v=4` or `?v=5` picks the version, as a link to a page can: it is then remembered like a click. */
export function versionIndexFromQuery(search: string): number | null {
  const v = new URLSearchParams(search).get('v')?.replace(/^v/, '')
  return v === '4' ? 0 : v === '5' ? 1 : null
}

function storedIndex(): number {
  const index = Number(localStorage.getItem(VERSION_STORAGE_KEY))
  return Number.isInteger(index) && index >= 0 && index < VERSIONS.length ? index : 0
}

/** Remember a choice and tell every tab set of this page (other browser tabs get the native storage event). */
function remember(index: number) {
  localStorage.setItem(VERSION_STORAGE_KEY, String(index))
  window.dispatchEvent(new StorageEvent('storage', { key: VERSION_STORAGE_KEY, newValue: String(index) }))
}

export function VersionTabs({ children }: { children: ReactNode }) {
  const id = useId()
  // The server renders v4; the reader's choice is applied once hydrated, as Nextra's Tabs do.
  const [selected, setSelected] = useState(0)
  const tabs = useRef<(HTMLButtonElement | null)[]>([])
  const panels = Children.toArray(children).filter(isValidElement)

  useEffect(() => {
    const fromQuery = versionIndexFromQuery(window.location.search)
    if (fromQuery !== null && fromQuery !== storedIndex()) remember(fromQuery)
    setSelected(storedIndex())
    const follow = (event: StorageEvent) => event.key === VERSION_STORAGE_KEY && setSelected(storedIndex())
    window.addEventListener('storage', follow)
    return () => window.removeEventListener('storage', follow)
  }, [])

  const choose = (index: number) => {
    setSelected(index)
    remember(index)
  }
  const onKeyDown = (event: KeyboardEvent) => {
    const last = VERSIONS.length - 1
    const next = { ArrowRight: selected === last ? 0 : selected + 1, ArrowLeft: selected === 0 ? last : selected - 1, Home: 0, End: last }[event.key]
    if (next === undefined) return
    event.preventDefault()
    choose(next)
    tabs.current[next]?.focus()
  }

  return (
    <div>
      <div role="tablist" aria-orientation="horizontal" className={`nextra-scrollbar ${styles.list}`} onKeyDown={onKeyDown}>
        {VERSIONS.map((label, index) => (
          <button
            key={label}
            ref={(element) => {
              tabs.current[index] = element
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${index}`}
            aria-selected={index === selected}
            aria-controls={`${id}-panel-${index}`}
            tabIndex={index === selected ? 0 : -1}
            onClick={() => choose(index)}
            className={`nextra-focus _ring-inset ${styles.tab} ${index === selected ? styles.selected : ''}`}
          >
            {/* Wraps between its parts only (never at the hyphen in next-auth) when a phone has no room for both. */}
            {label.split(/ (?=\()/).map((part, i) => (
              <Fragment key={part}>
                {i > 0 && ' '}
                <span className={styles.part}>{part}</span>
              </Fragment>
            ))}
          </button>
        ))}
      </div>
      {panels.map((panel, index) => (
        <div
          key={index}
          role="tabpanel"
          id={`${id}-panel-${index}`}
          aria-labelledby={`${id}-tab-${index}`}
          hidden={index !== selected}
          tabIndex={0}
          className={`nextra-focus ${styles.panel}`}
        >
          {panel}
        </div>
      ))}
    </div>
  )
}

/** One version's content: `<VersionTabs><Version>v4…</Version><Version>v5…</Version></VersionTabs>`. */
export function Version({ children }: { children: ReactNode }) {
  return <>{children}</>
}
