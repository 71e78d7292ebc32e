// The messages between the page, the lab's sandbox frame (public/lab-sandbox.html) and the engine's worker.
// The lab owns these types: the page's components import them from here, never the other way round.
import type { Session } from '@auth/core/types'
import type { CodeError } from './code-error'
import type { PresetId } from './preset-ids'
import type { Exchange } from './visitor'

/** A session cookie as the lab's visitor holds it, and its claims decoded with the lab's secret. */
export interface TokenView {
  signedIn: boolean
  claims: Record<string, unknown> | null
  cookie: { name: string; value: string; bytes: number; chunks: number } | null
}

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
  /** Sign-ins refused during the update (Auth.js's CredentialsSignin): the session was not re-issued. */
  refused: string[]
  attack: { letIn: boolean; detail: string; claims: Record<string, unknown> | null; errors: CodeError[] }
  /** Time spent in the worker: load the code, run the flow and the attack. */
  ms: number
}

/** Worker → sandbox → page. */
export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'result'; id: number; result: LabResult }
  | { kind: 'failed'; id: number; error: CodeError }

/** Sandbox → page: the frame's own messages, beside the worker's it relays. */
export type SandboxMessage = WorkerMessage | { kind: 'frame-ready' } | { kind: 'crashed'; message: string }

/** Page → sandbox. */
export type PageMessage =
  /** `engine`: the engine's bundle as a `data:text/javascript;base64,` URL (see components/TokenLab/lab-worker.ts). */
  | { kind: 'start'; engine: string; options: WorkerOptions }
  | { kind: 'run'; request: RunRequest }
