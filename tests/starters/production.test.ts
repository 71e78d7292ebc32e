// Every starter as a reader deploys it (starters/CONTRACT.md, "Settings and production"): the zip unpacked, installed
// and built (shared with the contract suite, tests/starters/support/starter.ts), every setting in `.env.local` and
// none in a clean environment, `npm start`, and a real nginx terminating TLS in front (tests/support/https-proxy.ts).
// Driven in Chromium by the contract's testids. What holds: the whole flow; every session cookie `__Secure-` and
// Secure, and no session cookie under a bare name on any answer; the cookie decrypts with the file's secret; the
// data lands in the file's DATA_DIR; a host-trusted run with no public URL (Vercel-style) still lands the
// one-request update under `__Secure-`; and a production start without a secret, or without a public URL on an
// untrusted host, refuses within 10 s naming the variable. Steps that need next-auth (its `decode`) run where the
// starter's cookie is next-auth's or Auth.js's, found from the cookie itself, not from the starter's name.
import { randomBytes } from 'node:crypto'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { decode as decodeAuthjs } from '@auth/core/jwt'
import { decode as decodeNextAuth } from 'next-auth/jwt'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { starterNames } from '../../scripts/starters/zip.mjs'
import { hasBrowser, launch, localContext } from '../../e2e/support/browser'
import { hasNginx, startHttpsProxy, type HttpsProxy } from '../support/https-proxy'
import { freePort } from '../support/server'
import { preparedStarter, signIn, startRefused, startStarter, starterSettings, type RunningStarter } from './support/starter'

// next-auth's and Auth.js's session-token; Better Auth's session_token and its cookie cache, session_data, which is
// what its one-request update re-issues.
const SESSION = /session[-_]token|session_data/
const cookieName = (line: string) => line.slice(0, line.indexOf('=')).trim()
const timings: Record<string, Record<string, number>> = {}

/** Decrypts a session cookie with the library its name says wrote it; undefined for a cookie of neither. */
async function decryptSession(name: string, value: string, secret: string) {
  const bare = name.replace(/^__Secure-/, '').replace(/\.\d+$/, '')
  if (bare === 'next-auth.session-token') return decodeNextAuth({ token: value, secret })
  // Auth.js derives the key from the secret salted with the cookie's own name (@auth/core/jwt.js:86).
  if (bare === 'authjs.session-token') return decodeAuthjs({ token: value, secret, salt: name.replace(/\.\d+$/, '') })
  return undefined
}

/** A site behind nginx: the starter on a free port, nginx on another, `.env.local` from `envLocal(proxyUrl)`. */
async function deploy(dir: string, envLocal: (proxyUrl: string) => Record<string, string>) {
  const proxyPort = await freePort()
  const proxyUrl = `https://localhost:${proxyPort}`
  const server = await startStarter(dir, { envLocal: () => envLocal(proxyUrl), env: {} })
  let proxy: HttpsProxy
  try {
    proxy = await startHttpsProxy(proxyPort, server.port)
  } catch (error) {
    await server.stop()
    throw error
  }
  return { server, proxy, async stop() { await proxy.close(); await server.stop() } }
}

/** Every Set-Cookie line any answer in `context` carried. */
function recordSetCookies(context: BrowserContext) {
  const lines: string[] = []
  context.on('response', async (response) => {
    for (const { name, value } of await response.headersArray().catch(() => [])) if (name.toLowerCase() === 'set-cookie') lines.push(value)
  })
  return lines
}

function expectSecureSessionCookiesOnly(lines: string[]) {
  const session = lines.filter((line) => SESSION.test(cookieName(line)))
  expect(session.length, 'session cookies were set').toBeGreaterThan(0)
  for (const line of session) {
    expect(cookieName(line), line).toMatch(/^__Secure-/)
    expect(line, line).toMatch(/;\s*Secure(;|$)/i)
  }
}

const starters = starterNames()

describe.skipIf(!hasBrowser || !hasNginx).each(starters)('starter %s in production', (name) => {
  const settings = starterSettings(name)
  const secret = randomBytes(32).toString('base64')
  const t: Record<string, number> = (timings[name] = {})
  let dir: string
  let browser: Browser

  beforeAll(async () => {
    const prepared = preparedStarter(name)
    dir = prepared.dir
    Object.assign(t, { install: prepared.install, build: prepared.build })
    browser = await launch(['--ignore-certificate-errors'])
  })
  afterAll(async () => {
    await browser?.close()
    rmSync(join(dir, '.env.local'), { force: true })
    console.log(`production ${name}: install ${t.install}s, build ${t.build}s (0: shared), runs ${JSON.stringify(t)}`)
  })

  async function newPage(base: string): Promise<{ page: Page; context: BrowserContext; setCookies: string[] }> {
    const context = await localContext(browser, base, { ignoreHTTPSErrors: true })
    const setCookies = recordSetCookies(context)
    const page = await context.newPage()
    return { page, context, setCookies }
  }
  const status = async (p: Page, path: string) => (await p.request.get(path, { maxRedirects: 0 })).status()
  /** Onboarding with `strategy`; returns the mutation's answer. */
  async function complete(p: Page, strategy: string) {
    await p.getByTestId(`strategy-${strategy}`).check()
    const mutation = p.waitForResponse((r) => new URL(r.url()).pathname === '/api/onboarding/complete')
    await p.getByTestId('onboarding-submit').click()
    const res = await mutation
    expect(res.status()).toBeLessThan(300)
    await p.waitForURL(/\/dashboard(\?|$)/)
    await expect.poll(() => p.getByTestId('dashboard-step').textContent()).toBe('COMPLETED')
    expect(await status(p, '/dashboard')).toBe(200)
    return res
  }

  describe('behind nginx with an https public URL, every setting in .env.local', () => {
    let site: Awaited<ReturnType<typeof deploy>>
    let dataDir: string
    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), `prod-${name}-data-`))
      const started = Date.now()
      site = await deploy(dir, (url) => ({ [settings.secret]: secret, [settings.publicUrl]: url, DATA_DIR: dataDir, DEV_SIGN_IN: '1' }))
      t.start = (Date.now() - started) / 1000
    })
    afterAll(async () => {
      await site?.stop()
      rmSync(dataDir, { recursive: true, force: true })
    })

    for (const strategy of ['response', 'update', 'ticket']) {
      it(`${strategy}: gate, mutation, dashboard; __Secure- and Secure session cookies only; decrypts with the file's secret`, async () => {
        const { page, context, setCookies } = await newPage(site.proxy.url)
        await signIn(page, `${strategy}-${Date.now()}@example.com`)
        expect(new URL(page.url()).pathname).toBe('/onboarding')
        expect(await status(page, '/dashboard')).toBe(307)
        // update() where the starter has it: by the radio it offers, not by its name.
        if (strategy !== 'response' && (await page.getByTestId(`strategy-${strategy}`).count()) === 0) return void (await context.close())
        const res = await complete(page, strategy)
        if (strategy === 'response') {
          // The one-request update: the mutation's own answer carries the session, under the __Secure- name.
          const lines = (await res.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value)
          expect(lines.some((line) => SESSION.test(cookieName(line)) && cookieName(line).startsWith('__Secure-'))).toBe(true)
        }
        expectSecureSessionCookiesOnly(setCookies)
        const held = (await context.cookies()).filter((c) => SESSION.test(c.name))
        expect(held.length).toBeGreaterThan(0)
        for (const cookie of held) expect({ name: cookie.name, secure: cookie.secure }).toEqual({ name: expect.stringMatching(/^__Secure-/), secure: true })
        const token = await decryptSession(held[0].name, held[0].value, secret)
        if (token !== undefined) expect(token).toMatchObject({ onboardingStep: 'COMPLETED' })
        await context.close()
      })
    }

    it(".env.local's DATA_DIR holds the data", () => {
      expect(readdirSync(dataDir).length).toBeGreaterThan(0)
    })
  })

  it('host trusted (AUTH_TRUST_HOST=true), no public URL: the one-request update lands under __Secure-', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), `prod-${name}-trusted-`))
    const site = await deploy(dir, () => ({ [settings.secret]: secret, AUTH_TRUST_HOST: 'true', DATA_DIR: dataDir, DEV_SIGN_IN: '1' }))
    try {
      const { page, context, setCookies } = await newPage(site.proxy.url)
      await signIn(page, `trusted-${Date.now()}@example.com`)
      const res = await complete(page, 'response')
      const lines = (await res.headersArray()).filter((h) => h.name.toLowerCase() === 'set-cookie').map((h) => h.value)
      const names = lines.filter((line) => SESSION.test(cookieName(line))).map(cookieName)
      expect(names.length).toBeGreaterThan(0)
      for (const name of names) expect(name).toMatch(/^__Secure-/)
      expectSecureSessionCookiesOnly(setCookies)
      await context.close()
    } finally {
      await site.stop()
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  describe('refuses to start on bad production settings', () => {
    const cases: [string, () => Record<string, string>, () => string][] = [
      ['no secret', () => ({ [settings.publicUrl]: 'https://app.example', DEV_SIGN_IN: '1' }), () => settings.secret],
      ['no public URL, host not trusted', () => ({ [settings.secret]: secret, DEV_SIGN_IN: '1' }), () => settings.publicUrl],
    ]
    for (const [label, envLocal, variable] of cases) {
      it(`${label}: exits non-zero within 10 s with "Refusing to start:" and the variable's name`, async () => {
        const dataDir = mkdtempSync(join(tmpdir(), `prod-${name}-refused-`))
        try {
          const port = await freePort()
          const result = await startRefused(dir, { ...envLocal(), DATA_DIR: dataDir }, { PORT: String(port) })
          expect(result.code, result.output).not.toBe(0)
          expect(result.ms, result.output).toBeLessThan(10_000)
          const line = result.output.split('\n').find((l) => l.includes('Refusing to start:'))
          expect(line, result.output).toBeDefined()
          expect(line).toContain(variable())
        } finally {
          rmSync(dataDir, { recursive: true, force: true })
        }
      })
    }
  })
})

it.runIf(starters.length === 0 || !hasBrowser || !hasNginx)('has starters, a browser and nginx', () => {
  expect(starters.length).toBeGreaterThan(0)
  expect(hasBrowser).toBe(true)
  expect(hasNginx).toBe(true)
})
