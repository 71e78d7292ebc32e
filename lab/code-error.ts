/** An error in the reader's code, where it happened, in a form a worker can post. */
export interface CodeError {
  message: string
  file?: string
  line?: number
  column?: number
}

/** Reader files run under this URL prefix (a `sourceURL`), so stack traces name them. */
export const SOURCE_PREFIX = 'lab:///'

export function formatLocation({ file, line, column }: CodeError): string {
  if (!file) return ''
  return line ? `${file}:${line}${column ? `:${column}` : ''}` : file
}
