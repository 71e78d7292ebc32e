// Lighthouse (pinned 12.2.3: later versions need Node 22) against Debian's Chromium, mobile and desktop settings.
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { CHROME } from '../../e2e/support/browser'
import { freePort } from '../../tests/support/server'

export type FormFactor = 'mobile' | 'desktop'
export const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const
export type Category = (typeof CATEGORIES)[number]

export interface LighthouseRun {
  scores: Record<Category, number>
  benchmarkIndex: number
  totalBlockingTimeMs: number
  /** Audits that cost points outside performance: what to fix. */
  failing: string[]
  /** Main-thread time by script (Lighthouse's bootup-time audit, ms of scripting): where the blocking time goes. */
  bootup: { url: string; scriptingMs: number }[]
  /** Elements in the page's DOM (Lighthouse's dom-size): a long chapter hydrates more of them than a bare page. */
  domElements: number
}

export interface Chromium {
  port: number
  close(): Promise<void>
}

/** A headless Chromium with a DevTools port for Lighthouse to drive. */
export async function startChromium(): Promise<Chromium> {
  if (!CHROME) throw new Error('No Chromium: set CHROME_PATH or `apt-get install -y chromium`.')
  const port = await freePort()
  const profile = mkdtempSync(join(tmpdir(), 'sul-lh-'))
  const child: ChildProcess = spawn(CHROME, [
    '--headless=new', `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`,
    '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', 'about:blank',
  ], { stdio: 'ignore' })
  const deadline = Date.now() + 30_000
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) break
    } catch {
      if (Date.now() > deadline) throw new Error('Chromium did not open its DevTools port')
      await new Promise((r) => setTimeout(r, 200))
    }
  }
  return {
    port,
    async close() {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
      rmSync(profile, { recursive: true, force: true })
    },
  }
}

// Lighthouse's own CLI in plain Node: its page functions are sent to the browser as source text, and a TypeScript
// loader's helpers (esbuild's __name) would break them if Lighthouse ran inside this process.
const CLI = join(process.cwd(), 'node_modules/lighthouse/cli/index.js')

interface Lhr {
  runtimeError?: { message: string }
  categories: Record<string, { score: number | null; auditRefs: { id: string; weight: number }[] }>
  audits: Record<string, { score: number | null; numericValue?: number; details?: { items?: { url?: string; scripting?: number }[] } }>
  environment: { benchmarkIndex: number }
}

export async function audit(chromium: Chromium, url: string, formFactor: FormFactor): Promise<LighthouseRun> {
  const args = [CLI, url, `--port=${chromium.port}`, '--output=json', '--output-path=stdout', '--quiet', `--only-categories=${CATEGORIES.join(',')}`]
  if (formFactor === 'desktop') args.push('--preset=desktop')
  const { stdout } = await promisify(execFile)(process.execPath, args, { maxBuffer: 64 * 2 ** 20 })
  const lhr = JSON.parse(stdout) as Lhr
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`)
  const scores = Object.fromEntries(CATEGORIES.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)])) as Record<Category, number>
  const failing = CATEGORIES.filter((c) => c !== 'performance').flatMap((c) =>
    lhr.categories[c].auditRefs
      .filter((ref) => ref.weight > 0 && (lhr.audits[ref.id].score ?? 1) < 1)
      .map((ref) => `${c}: ${ref.id}`),
  )
  return {
    scores,
    benchmarkIndex: lhr.environment.benchmarkIndex,
    totalBlockingTimeMs: Math.round(lhr.audits['total-blocking-time']?.numericValue ?? NaN),
    failing,
    bootup: (lhr.audits['bootup-time']?.details?.items ?? [])
      .map((item) => ({ url: String(item.url ?? ''), scriptingMs: Math.round(item.scripting ?? 0) }))
      .filter((item) => item.scriptingMs > 0),
    domElements: Math.round(lhr.audits['dom-size']?.numericValue ?? NaN),
  }
}
