// Nextra 3.3's search loads its index on the first focus, and while it loads, `handleChange` returns without
// searching; nothing searches again once the index is there (nextra-theme-docs dist/index.js, `Flexsearch`:
// `if (loading) return; doSearch(value)`, and `preload` only sets `loading` back to false). So a reader who types
// straight away gets "No results found" for a query that has results, until they type again. This waits for the
// loading spinner to go, then hands Nextra the same query once more. It renders nothing.
import { useEffect } from 'react'

const SPINNER = '.nextra-search-results ._animate-spin'
const POLL_MS = 100
const GIVE_UP_MS = 15_000

/** Sets an input's value the way typing does, so React's onChange sees it (React ignores a plain `.value =`). */
function typeValue(input: HTMLInputElement, value: string) {
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, value)
  input.dispatchEvent(new Event('input', { bubbles: true }))
}

export function SearchRetry() {
  useEffect(() => {
    let watching = false
    const onInput = (event: Event) => {
      const input = event.target
      if (watching || !(input instanceof HTMLInputElement) || input.type !== 'search') return
      watching = true
      const started = Date.now()
      let sawSpinner = false
      const tick = () => {
        const loading = document.querySelector(SPINNER) !== null
        sawSpinner ||= loading
        if (loading && Date.now() - started < GIVE_UP_MS) return void setTimeout(tick, POLL_MS)
        watching = false
        // The index arrived while the query sat unsearched: search it now (a changed value first, or React
        // would see no change and Nextra no input).
        if (sawSpinner && input.value && document.activeElement === input) {
          const query = input.value
          typeValue(input, `${query} `)
          typeValue(input, query)
        }
      }
      setTimeout(tick, POLL_MS)
    }
    document.addEventListener('input', onInput, true)
    return () => document.removeEventListener('input', onInput, true)
  }, [])
  return null
}
