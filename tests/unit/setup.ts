// The fast tests run the demo's server code in process: its own DATA_DIR (a real SQLite file) and secret,
// set before any demo module reads them. NEXTAUTH_URL is the plain-http default; tests that need https set it.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

process.env.DATA_DIR = mkdtempSync(join(tmpdir(), 'sul-unit-'))
process.env.NEXTAUTH_SECRET = 'unit-test-secret-0123456789abcdef'
process.env.NEXTAUTH_URL = 'http://localhost:3000'
