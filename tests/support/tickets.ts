// Tickets made by the demo's own code, with the server's secret, for cases a browser cannot produce
// (expired, another user's). The key derivation is not repeated here: demo/tickets.ts does it.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { vi } from 'vitest'
import type { UserRow } from '@/demo/users'

export async function issueTicketAs(dataDir: string, row: Partial<UserRow> & { id: string; version: number }, at?: Date, sid = 'any-sid') {
  process.env.NEXTAUTH_SECRET = readFileSync(join(dataDir, 'secret'), 'utf8').trim()
  const { issueTicket } = await import('@/demo/tickets')
  if (at) {
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(at)
  }
  try {
    return await issueTicket({ name: 'X', role: 'reader', onboardingStep: 'COMPLETED', email: null, image: null, goal: null, suspended: 0, sessionEpoch: 0, ...row }, sid)
  } finally {
    vi.useRealTimers()
  }
}
