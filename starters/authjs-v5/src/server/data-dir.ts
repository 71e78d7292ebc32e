import { mkdirSync } from 'node:fs'
import path from 'node:path'

/** DATA_DIR holds the SQLite file and, in development, the generated secret. Default: ./.data */
export function dataDir(): string {
  const dir = path.resolve(process.env.DATA_DIR || '.data')
  mkdirSync(dir, { recursive: true })
  return dir
}
