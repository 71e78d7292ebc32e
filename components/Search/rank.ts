// Ranks the index's sections for a query: a page whose title (or H1) holds the query first, then sections whose
// heading holds it, then passing mentions in body text. Nextra 3.3 ranked by FlexSearch's order of matching pages,
// which put Troubleshooting (a heading "update() does nothing" and many mentions) above the update() chapter itself.
import type { Section } from './sections'

export type Match = 'title' | 'heading' | 'body'

export type Result = {
  url: string
  pageTitle: string
  /** What the entry shows as its own line: the section's heading, or the page's title for its opening. */
  label: string
  excerpt: string
  match: Match
  score: number
}

const TIER = { title: 4000, heading: 2000, body: 1000 } as const
// A field that holds every word of the query, though not as one phrase, ranks just under the phrase in that field.
const SCATTERED = 0.75
const MAX_PER_PAGE = 3
const EXCERPT_CHARS = 160

/** Lower case, without Markdown's backticks: `proxy.ts` in a heading matches the query proxy.ts. */
export function normalize(text: string): string {
  return text.toLowerCase().replace(/`/g, '').replace(/\s+/g, ' ').trim()
}

export function queryTerms(query: string): string[] {
  return normalize(query).split(' ').filter(Boolean)
}

function fieldScore(field: string | undefined, phrase: string, terms: string[]): number {
  if (!field) return 0
  const text = normalize(field)
  if (text.includes(phrase)) return 1
  return terms.every((t) => text.includes(t)) ? SCATTERED : 0
}

function count(text: string, phrase: string): number {
  let n = 0
  for (let i = text.indexOf(phrase); i >= 0; i = text.indexOf(phrase, i + phrase.length)) n++
  return n
}

/** The body text around the first mention, cut at word boundaries. */
export function excerpt(text: string, terms: string[]): string {
  if (text.length <= EXCERPT_CHARS) return text
  const lower = text.toLowerCase()
  const at = Math.min(...terms.map((t) => lower.indexOf(t)).filter((i) => i >= 0), Number.POSITIVE_INFINITY)
  if (!Number.isFinite(at) || at < EXCERPT_CHARS / 2) return `${text.slice(0, text.lastIndexOf(' ', EXCERPT_CHARS))} …`
  const start = text.indexOf(' ', at - EXCERPT_CHARS / 3) + 1
  const end = text.lastIndexOf(' ', start + EXCERPT_CHARS)
  return `… ${text.slice(start, end > start ? end : undefined)} …`
}

function scoreSection(section: Section, phrase: string, terms: string[]): { score: number; match: Match } | null {
  // Only the page's opening stands for the page: its other sections rank on their own heading and text.
  const title = section.heading
    ? 0
    : Math.max(fieldScore(section.pageTitle, phrase, terms), fieldScore(section.pageHeading, phrase, terms))
  if (title) return { score: TIER.title * title, match: 'title' }
  const heading = fieldScore(section.heading, phrase, terms)
  if (heading) return { score: TIER.heading * heading, match: 'heading' }
  const body = fieldScore(section.text, phrase, terms)
  // More mentions rank a section higher among passing mentions, never above a heading.
  if (body) return { score: TIER.body * body + Math.min(count(normalize(section.text), phrase), 9) * 10, match: 'body' }
  return null
}

/** The results for `query`, best first: one entry per section (no duplicates), at most three per page. */
export function rank(sections: readonly Section[], query: string, limit = 20): Result[] {
  const terms = queryTerms(query)
  if (terms.length === 0) return []
  const phrase = terms.join(' ')
  const scored = sections.flatMap((section, order) => {
    const s = scoreSection(section, phrase, terms)
    return s ? [{ section, order, ...s }] : []
  })
  // Ties: the sidebar's order, then the page's own order.
  scored.sort((a, b) => b.score - a.score || a.section.pageOrder - b.section.pageOrder || a.order - b.order)
  const seen = new Set<string>()
  const perPage = new Map<string, number>()
  const results: Result[] = []
  for (const { section, score, match } of scored) {
    const key = `${section.url}@${section.heading ?? ''}`
    const onPage = perPage.get(section.route) ?? 0
    if (seen.has(key) || onPage >= MAX_PER_PAGE) continue
    seen.add(key)
    perPage.set(section.route, onPage + 1)
    results.push({
      url: section.url,
      pageTitle: section.pageTitle,
      label: section.heading ?? section.pageHeading ?? section.pageTitle,
      excerpt: excerpt(section.text, terms),
      match,
      score,
    })
    if (results.length === limit) break
  }
  return results
}
