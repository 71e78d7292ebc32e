// The site's search box, in place of Nextra 3.3's (theme.config.tsx `search.component`): Nextra sorts its results
// inside its own component, which it does not export, so a better order needs a component of our own. It reads
// Nextra's index (load-index.ts), ranks with rank.ts, and keeps Nextra's look and keys: a combobox (headlessui, as
// Nextra's), "/" and Ctrl/⌘-K to focus, Nextra's class names so light, dark and phone widths match the theme.
// A query typed while the index loads is searched once it arrives (what components/SearchRetry patched in Nextra's).
import { Combobox, ComboboxInput, ComboboxOption, ComboboxOptions } from '@headlessui/react'
import Link from 'next/link'
import { useRouter } from 'next/router'
import { useMenu } from 'nextra-theme-docs'
import { useEffect, useMemo, useRef, useState } from 'react'
import { loadSections } from './load-index'
import { rank, type Result } from './rank'
import type { Section } from './sections'
import { Highlight } from './highlight'

const FIELDS = new Set(['input', 'select', 'button', 'textarea'])

/** "/" or Ctrl/⌘-K focuses the box, unless the reader is typing in another field (Nextra's rule). */
function useFocusShortcut(input: React.RefObject<HTMLInputElement | null>) {
  useEffect(() => {
    const down = (event: KeyboardEvent) => {
      const active = document.activeElement as HTMLElement | null
      const tag = active?.tagName.toLowerCase()
      if (!input.current || !tag || FIELDS.has(tag) || active?.isContentEditable) return
      if (event.key === '/' || (event.key === 'k' && (event.metaKey || event.ctrlKey))) {
        event.preventDefault()
        input.current.focus({ preventScroll: true })
      }
    }
    window.addEventListener('keydown', down)
    return () => window.removeEventListener('keydown', down)
  }, [input])
}

export function Search({ className = '' }: { className?: string }) {
  const router = useRouter()
  const { setMenu } = useMenu()
  const input = useRef<HTMLInputElement>(null)
  const [query, setQuery] = useState('')
  const [sections, setSections] = useState<Section[] | null>(null)
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle')
  const [focused, setFocused] = useState(false)
  const [mac, setMac] = useState<boolean | null>(null)
  useFocusShortcut(input)
  useEffect(() => setMac(navigator.userAgent.includes('Mac')), [])

  const load = () => {
    if (sections || state === 'loading') return
    setState('loading')
    loadSections(router.basePath, router.locale).then(
      (loaded) => {
        setSections(loaded)
        setState('idle')
      },
      () => setState('error'),
    )
  }
  // Ranked from the current query whenever the index or the query changes: nothing typed while loading is lost.
  const results = useMemo(() => (sections && query ? rank(sections, query) : []), [sections, query])

  const go = async (result: Result | null) => {
    if (!result) return
    input.current?.blur()
    await router.push(result.url)
    setMenu(false)
    setQuery('')
  }

  const status =
    state === 'error' ? 'The search index could not load. Try again.' : state === 'loading' || (query && !sections) ? 'Loading…' : query && results.length === 0 ? 'No results found.' : null

  return (
    <Combobox onChange={go}>
      <div className={`_not-prose _relative _flex _items-center _text-gray-900 dark:_text-gray-300 contrast-more:_text-gray-800 contrast-more:dark:_text-gray-300 ${className}`}>
        <ComboboxInput
          ref={input}
          spellCheck={false}
          autoComplete="off"
          type="search"
          aria-label="Search the site"
          placeholder="Search documentation…"
          value={query}
          onChange={(event) => setQuery(event.currentTarget.value)}
          onFocus={() => {
            setFocused(true)
            load()
          }}
          onBlur={() => setFocused(false)}
          className={({ focus }) =>
            `_rounded-lg _px-3 _py-2 _transition-colors _w-full md:_w-64 _text-base _leading-tight md:_text-sm ${
              focus ? '_bg-transparent nextra-focusable' : '_bg-black/[.05] dark:_bg-gray-50/10'
            } placeholder:_text-gray-500 dark:placeholder:_text-gray-400 contrast-more:_border contrast-more:_border-current [&::-webkit-search-cancel-button]:_appearance-none`
          }
        />
        {mac !== null && !focused && (
          <kbd className="_absolute _my-1.5 _select-none ltr:_right-1.5 rtl:_left-1.5 _h-5 _rounded _bg-white _px-1.5 _font-mono _text-[11px] _font-medium _text-gray-500 _border dark:_border-gray-100/20 dark:_bg-black/50 contrast-more:_border-current contrast-more:_text-current contrast-more:dark:_border-current _items-center _gap-1 _flex max-sm:_hidden">
            {mac ? '⌘K' : 'CTRL K'}
          </kbd>
        )}
      </div>
      <ComboboxOptions
        transition
        anchor={{ to: 'top end', gap: 10, padding: 16 }}
        data-testid="search-results"
        className={({ open }) =>
          `nextra-search-results nextra-scrollbar max-md:_h-full _border _border-gray-200 _text-gray-100 dark:_border-neutral-800 _z-20 _rounded-xl _py-2.5 _shadow-xl contrast-more:_border contrast-more:_border-gray-900 contrast-more:dark:_border-gray-50 _backdrop-blur-lg _bg-[rgb(var(--nextra-bg),.8)] motion-reduce:_transition-none _transition-opacity ${
            open ? '_opacity-100' : '_opacity-0'
          } ${status ? 'md:_h-[100px]' : 'md:!_max-h-[min(calc(100vh-5rem),400px)]'} _w-full md:_w-[576px] empty:_invisible`
        }
      >
        {status ? (
          <p role="status" className={`_flex _select-none _justify-center _p-8 _text-center _text-sm ${state === 'error' ? '_text-red-500' : '_text-gray-500 dark:_text-gray-400'}`}>
            {status}
          </p>
        ) : (
          results.map((result) => (
            <ComboboxOption
              key={result.url}
              as={Link}
              value={result}
              href={result.url}
              className={({ focus }) =>
                `_mx-2.5 _break-words _rounded-md contrast-more:_border _block _scroll-m-12 _px-2.5 _py-2 ${
                  focus ? '_text-primary-600 contrast-more:_border-current _bg-primary-500/10' : '_text-gray-800 dark:_text-gray-300 contrast-more:_border-transparent'
                }`
              }
            >
              {result.label !== result.pageTitle && (
                <div className="_text-xs _font-semibold _uppercase _text-gray-500 dark:_text-gray-400">{result.pageTitle}</div>
              )}
              <div className="_text-base _font-semibold _leading-5">
                <Highlight text={result.label} query={query} />
              </div>
              {result.excerpt && (
                <div className="excerpt _mt-1 _text-sm _leading-[1.35rem] _text-gray-600 dark:_text-gray-400 contrast-more:dark:_text-gray-50">
                  <Highlight text={result.excerpt} query={query} />
                </div>
              )}
            </ComboboxOption>
          ))
        )}
      </ComboboxOptions>
    </Combobox>
  )
}
