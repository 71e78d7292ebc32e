// Whether a code block's title names a file a reader finds in a starter they download (starters/<name>/<path>).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { STARTERS_DIR, starterNames } from '../../scripts/starters/zip.mjs'

export const starterFileExists = (path: string) => starterNames().some((name) => existsSync(join(STARTERS_DIR, name, path)))
