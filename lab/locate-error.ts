import { SOURCE_PREFIX, type CodeError } from './code-error'
import { CodeFailure } from './evaluate'

const FRAME = new RegExp(`${SOURCE_PREFIX.replace(/\//g, '\\/')}([\\w.-]+\\.ts):(\\d+):(\\d+)`)

// How many lines the engine puts before the body of a `new Function` (V8: 2): measured once, not assumed.
const HEADER_LINES = (() => {
  const stack = new Function(`return new Error().stack\n//# sourceURL=${SOURCE_PREFIX}probe.ts`)() as string
  const match = FRAME.exec(stack ?? '')
  return match ? Number(match[2]) - 1 : 0
})()

/** Auth.js wraps what a callback throws (CallbackRouteError, JWTSessionError…): the reader wants the inner error. */
function innermost(error: unknown): unknown {
  const cause = (error as { cause?: unknown })?.cause
  const inner = (cause as { err?: unknown })?.err ?? cause
  return inner instanceof Error ? innermost(inner) : error
}

/**
 * Auth.js's error classes are minified in the engine's bundle (`P`, `Q`): their static `type` keeps the real name
 * (CredentialsSignin, JWTSessionError…). The reader's own errors keep theirs.
 */
function errorName(error: Error): string {
  const type = (error as { type?: unknown }).type
  return typeof type === 'string' ? type : error.name
}

/** Auth.js ends its messages with "Read more at https://errors.authjs.dev#…": the name already says which. */
const readable = (message: string) => message.replace(/\s*Read more at \S+\s*$/, '').trim() || 'no message'

/** The message of an error thrown by, or because of, the reader's code, with its file and line when known. */
export function locateError(error: unknown): CodeError {
  if (error instanceof CodeFailure) return error.detail
  const root = innermost(error)
  const wrapper = root !== error ? (error as { type?: string; name?: string }) : null
  const message = root instanceof Error ? `${errorName(root)}: ${readable(root.message)}` : `Thrown: ${String(root)}`
  const text = wrapper ? `${wrapper.type ?? wrapper.name} (Auth.js) ← ${message}` : message
  const frame = FRAME.exec((root as Error)?.stack ?? '') ?? FRAME.exec((error as Error)?.stack ?? '')
  if (!frame) return { message: text }
  return { message: text, file: frame[1], line: Number(frame[2]) - HEADER_LINES, column: Number(frame[3]) }
}
