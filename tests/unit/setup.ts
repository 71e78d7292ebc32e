// The fast tests run the demo's server code in process: its own DATA_DIR (a real SQLite file; the starters' PGlite
// folder too, starter-ticket-providers.test.ts) and secret, set before any demo module reads them. NEXTAUTH_URL is
// the plain-http default; tests that need https set it. The folder is removed after each test file: the unit run
// leaves no files behind.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll } from 'vitest'

const dataDir = mkdtempSync(join(tmpdir(), 'sul-unit-'))
process.env.DATA_DIR = dataDir
process.env.NEXTAUTH_SECRET = 'unit-test-secret-0123456789abcdef'
process.env.NEXTAUTH_URL = 'http://localhost:3000'
afterAll(() => rmSync(dataDir, { recursive: true, force: true }))
