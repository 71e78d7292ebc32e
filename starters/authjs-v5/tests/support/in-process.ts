// The app's own modules in this process: the real next-auth route handlers (NextAuth(authConfig).handlers), the
// real database (a fresh PGlite in a temporary DATA_DIR, or DATABASE_URL), no server and no browser.
// Call setUp() before importing anything from src/: src/env.js reads the environment once, at import.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { TEST_SECRET } from './server'

export const ORIGIN = 'http://localhost:3000'

export async function setUp({ databaseUrl }: { databaseUrl?: string } = {}) {
  process.env.AUTH_SECRET = TEST_SECRET
  process.env.DATA_DIR = mkdtempSync(path.join(tmpdir(), 'authjs-v5-in-process-'))
  process.env.DEV_SIGN_IN = '1'
  delete process.env.AUTH_URL
  delete process.env.AUTH_TRUST_HOST
  if (databaseUrl) process.env.DATABASE_URL = databaseUrl
  else delete process.env.DATABASE_URL
  const { migrateDatabase } = await import('../../scripts/migrate.mjs')
  await migrateDatabase()
}

/** A browser's cookie jar in front of next-auth's real GET/POST handlers. */
export class Browser {
  jar = new Map<string, string>()
  constructor(
    private handlers: { GET: (req: never) => Promise<Response>; POST: (req: never) => Promise<Response> },
    private origin = ORIGIN,
    private extraHeaders: Record<string, string> = {},
  ) {}

  cookieHeader() {
    return [...this.jar].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  async request(pathname: string, init: { method?: 'GET' | 'POST'; form?: Record<string, string>; json?: unknown } = {}) {
    const { NextRequest } = await import('next/server')
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...this.extraHeaders }
    let body: string | undefined
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded'
      body = new URLSearchParams(init.form).toString()
    } else if (init.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(init.json)
    }
    const method = init.method ?? (body ? 'POST' : 'GET')
    const req = new NextRequest(new URL(pathname, this.origin), { method, headers, body })
    const res = await (method === 'GET' ? this.handlers.GET : this.handlers.POST)(req as never)
    for (const line of res.headers.getSetCookie()) {
      const [pair, ...attrs] = line.split(';')
      const eq = pair!.indexOf('=')
      const name = pair!.slice(0, eq).trim()
      const value = pair!.slice(eq + 1).trim()
      if (!value || attrs.some((a) => /^\s*max-age=0\s*$/i.test(a)) || attrs.some((a) => /expires=Thu, 01 Jan 1970/i.test(a))) this.jar.delete(name)
      else this.jar.set(name, value)
    }
    return res
  }

  /** Names of the cookies the last responses set, as written. */
  async signInDev(email: string) {
    const { csrfToken } = (await (await this.request('/api/auth/csrf')).json()) as { csrfToken: string }
    const res = await this.request('/api/auth/callback/dev', { form: { csrfToken, email } })
    if (res.status !== 302 || res.headers.get('location')?.includes('error')) throw new Error(`dev sign-in refused: ${res.status} ${res.headers.get('location')}`)
    return res
  }

  async session() {
    return (await (await this.request('/api/auth/session')).json()) as { user?: { onboardingStep?: string; id?: string } } | null
  }
}
