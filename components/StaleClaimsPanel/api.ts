// The browser side of demo/api/stale.ts.
import { call } from '@/components/OnboardingFlow/demo-api'

export type Policy = 'none' | 'throttled' | 'epoch'

export interface AccessRow {
  role: string
  onboardingStep: string
  version: number
  sessionEpoch: number
  suspended: boolean
}

export interface StaleStatus {
  row: AccessRow
  token: Record<string, unknown> & { role?: string; epoch?: number; checkedAt?: number; stalePolicy?: string }
  policy: Policy
  recheckSeconds: number
  now: number
}

const post = <T,>(path: string, body: unknown) => call<T>(path, { method: 'POST', body: JSON.stringify(body) })

export const fetchStatus = () => call<StaleStatus>('/api/demo/stale/status')
export const choosePolicy = (policy: Policy) => post<{ policy: Policy }>('/api/demo/stale/policy', { policy })
export const changeRow = (change: { role: 'reader' | 'editor' } | { suspended: boolean }) =>
  post<{ row: AccessRow; changedAt: number }>('/api/demo/admin/change', change)
export const signOutEverywhere = () => post<{ row: AccessRow }>('/api/demo/sign-out-everywhere', {})

/**
 * One ordinary request through the gate (middleware.ts), as clicking a link would make: the policy runs there.
 * Answers whether the session survived it (a redirect to the sign-in page means it was ended).
 */
export async function requestThroughGate(): Promise<{ ended: boolean }> {
  const res = await fetch('/demo/elsewhere', { cache: 'no-store', headers: { accept: 'text/html' } })
  return { ended: new URL(res.url).pathname === '/demo' }
}
