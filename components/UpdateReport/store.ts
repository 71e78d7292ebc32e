import type { TokenView } from '@/components/OnboardingFlow/demo-api'
import type { Cost } from '@/components/OnboardingFlow/measure'

export interface UpdateReportData {
  strategy: string
  label: string
  at: string
  cost: Cost
  /** The strategy's update is the mutation's own response (counted in `cost`). */
  inResponse?: boolean
  /** A refetch useSession() needs afterwards (the one-request update), measured apart from `cost`. */
  refetch?: Cost
  before: TokenView
  after: TokenView
}

// sessionStorage: the report survives the navigation to /demo/explore, and stays in this tab.
const KEY = 'session-update-lab:last-update'

export function saveUpdateReport(report: UpdateReportData) {
  sessionStorage.setItem(KEY, JSON.stringify(report))
}

export function loadUpdateReport(): UpdateReportData | null {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null')
  } catch {
    return null
  }
}
