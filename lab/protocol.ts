// The messages between the page and the lab's worker.
import type { Session } from '@auth/core/types'
import type { TokenView } from '@/components/OnboardingFlow/demo-api'
import type { CodeError } from './code-error'
import type { PresetId } from './preset-ids'
import type { Exchange } from './visitor'

export interface RunRequest {
  id: number
  preset: PresetId
  /** The reader's edited files, compiled to CommonJS; absent when the preset is unedited. */
  compiled?: { auth: string; update: string }
}

export interface LabResult {
  before: TokenView
  after: TokenView
  session: Session | null
  exchanges: Exchange[]
  errors: CodeError[]
  attack: { letIn: boolean; detail: string; claims: Record<string, unknown> | null; errors: CodeError[] }
  /** Time spent in the worker: load the code, run the flow and the attack. */
  ms: number
}

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: LabResult }
  | { kind: 'failed'; id: number; error: CodeError }
