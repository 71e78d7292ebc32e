import { transform } from 'sucrase'
import type { CodeError } from './code-error'

export type Compiled = { ok: true; code: string } | { ok: false; error: CodeError }

/**
 * TypeScript to CommonJS, types stripped, nothing checked: fast enough to run on every keystroke. Sucrase keeps
 * every line where it was, so a runtime error's line is the line the reader sees.
 */
export function compile(file: string, source: string): Compiled {
  try {
    return { ok: true, code: transform(source, { transforms: ['typescript', 'imports'], filePath: file }).code }
  } catch (error) {
    const { message, loc } = error as { message: string; loc?: { line: number; column: number } }
    // Sucrase names the file first and repeats the position (line:column, both from 1) last: we show both apart.
    const text = message.replace(/^Error transforming [^:]*: /, '').replace(/\s*\(\d+:\d+\)$/, '')
    return { ok: false, error: { file, message: `SyntaxError: ${text}`, line: loc?.line, column: loc?.column } }
  }
}
