// The query's words shown in the primary colour inside a result's title and excerpt.
import { queryTerms } from './rank'

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function Highlight({ text, query }: { text: string; query: string }) {
  const terms = queryTerms(query)
  if (terms.length === 0) return <>{text}</>
  const parts = text.split(new RegExp(`(${terms.map(escape).join('|')})`, 'gi'))
  return <>{parts.map((part, i) => (i % 2 === 1 ? <span key={i} className="_text-primary-600">{part}</span> : part))}</>
}
