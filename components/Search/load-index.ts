// Loads Nextra's search index the way Nextra's own search does (nextra-theme-docs 3.3.1 dist/index.js,
// `loadIndexesImpl`: `${basePath}/_next/static/chunks/nextra-data-${locale}.json`), once per page load.
import { toSections, type NextraSearchData, type Section } from './sections'

// Nextra's default locale when the site has no i18n (nextra/constants DEFAULT_LOCALE).
const DEFAULT_LOCALE = 'en-US'

// The chapters' H1 texts, read from pages/ at build time (next.config.mjs, mdx/page-headings.mjs).
const pageHeadings: Record<string, string> = JSON.parse(process.env.SEARCH_PAGE_HEADINGS || '{}')

const loaded = new Map<string, Promise<Section[]>>()

export function loadSections(basePath: string, locale: string = DEFAULT_LOCALE): Promise<Section[]> {
  const key = `${basePath}@${locale}`
  let promise = loaded.get(key)
  if (!promise) {
    promise = fetch(`${basePath}/_next/static/chunks/nextra-data-${locale}.json`)
      .then((response) => {
        if (!response.ok) throw new Error(`search index: HTTP ${response.status}`)
        return response.json() as Promise<NextraSearchData>
      })
      .then((data) => toSections(data, pageHeadings))
    // A failed load may be retried on the next focus (a flaky network), not remembered as failed for good.
    promise.catch(() => loaded.delete(key))
    loaded.set(key, promise)
  }
  return promise
}
