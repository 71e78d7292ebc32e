// A production run with the host trusted and no public URL (AUTH_TRUST_HOST=true; what VERCEL=1 does on Vercel),
// behind a TLS proxy that says so in X-Forwarded-Proto / X-Forwarded-Host: Auth.js answers (no 500 UntrustedHost),
// every session cookie is `__Secure-` and Secure, and the one-request update lands under that very name.
import { request as httpRequest } from 'node:http'
import { decode } from '@auth/core/jwt'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { TEST_SECRET, buildIfNeeded, startApp, type AppServer } from './support/server'

let app: AppServer
beforeAll(async () => {
  buildIfNeeded()
  app = await startApp({ settings: { AUTH_URL: undefined, AUTH_TRUST_HOST: 'true' } })
})
afterAll(() => app?.stop())

const PUBLIC = 'https://app.example'
const SECURE = '__Secure-authjs.session-token'
const jar = new Map<string, string>()
const setCookies: string[] = []

/** As the proxy forwards it (nginx: `proxy_set_header Host $host; proxy_set_header X-Forwarded-Proto $scheme;`). */
function request(pathname: string, init: { method?: string; body?: string; type?: string } = {}) {
  const headers: Record<string, string> = {
    host: 'app.example',
    'x-forwarded-proto': 'https',
    'x-forwarded-host': 'app.example',
    cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; '),
  }
  if (init.type) headers['content-type'] = init.type
  if (init.method === 'POST') headers.origin = PUBLIC
  return new Promise<{ status: number; location?: string; json(): Promise<any> }>((resolve, reject) => {
    const req = httpRequest(new URL(pathname, app.base), { method: init.method ?? 'GET', headers }, (res) => {
      let body = ''
      res.on('data', (d) => (body += d))
      res.on('end', () => {
        record(res.headers['set-cookie'] ?? [])
        resolve({ status: res.statusCode!, location: res.headers.location, json: async () => JSON.parse(body) })
      })
    })
    req.on('error', reject)
    req.end(init.body)
  })
}

function record(lines: string[]) {
  for (const line of lines) {
    setCookies.push(line)
    const [pair] = line.split(';')
    const name = pair!.slice(0, pair!.indexOf('='))
    const value = pair!.slice(name.length + 1)
    if (value) jar.set(name, value)
    else jar.delete(name)
  }
}

it('serves /api/auth, signs in and updates in one request, all under __Secure- cookies', async () => {
  const csrf = await request('/api/auth/csrf')
  expect(csrf.status).toBe(200)
  const { csrfToken } = (await csrf.json()) as { csrfToken: string }
  const signIn = await request('/api/auth/callback/dev', { method: 'POST', type: 'application/x-www-form-urlencoded', body: new URLSearchParams({ csrfToken, email: 'trusted@example.com', callbackUrl: `${PUBLIC}/dashboard` }).toString() })
  expect(signIn.status).toBe(302)
  expect(signIn.location).toMatch(/^https:\/\/app\.example\//)
  expect(jar.has(SECURE)).toBe(true)

  const update = await request('/api/onboarding/complete', { method: 'POST', type: 'application/json', body: '{"strategy":"response"}' })
  expect(update.status).toBe(200)
  const claims = await decode({ token: jar.get(SECURE)!, secret: TEST_SECRET, salt: SECURE })
  expect(claims?.onboardingStep).toBe('COMPLETED')
  const session = await (await request('/api/auth/session')).json()
  expect(session.user.onboardingStep).toBe('COMPLETED')

  const sessionCookies = setCookies.filter((c) => c.includes('authjs.session-token'))
  expect(sessionCookies.length).toBeGreaterThan(0)
  for (const c of sessionCookies) {
    expect(c).toMatch(/^__Secure-authjs\.session-token(\.\d+)?=/)
    expect(c).toMatch(/;\s*Secure/i)
  }
})
