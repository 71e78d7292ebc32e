import type { RequestRecord } from '@/components/OnboardingFlow/measure'
import type { Message } from './types'

/**
 * The reader's own update as diagram rows: each request the demo recorded, its answer, and a database read where
 * the answer's X-Db-Reads header reported one. `then` adds what followed (the gated page the report sits on).
 */
export function messagesFromRequests(requests: RequestRecord[], then: Message[] = []): Message[] {
  const rows: Message[] = []
  for (const r of requests) {
    rows.push({ from: 'browser', to: 'server', label: `${r.method} ${r.path}`, phase: 'update' })
    if (r.dbReads > 0) rows.push({ from: 'server', to: 'db', label: `${r.dbReads} read${r.dbReads > 1 ? 's' : ''}`, phase: 'update' })
    rows.push({ from: 'server', to: 'browser', label: String(r.status), phase: 'update', reply: true })
  }
  return [...rows, ...then]
}
