// The baseline of `npm run bench:pages` (issue 26): bench/baseline-nextra, a bare Nextra 3 docs app built with the
// site's own installed versions and served beside the site, so each page is compared with it in the same run: an
// absolute Lighthouse score moves by 15–20 points between machines, a ratio measured in one run does not.
// Two builds of the one app: bare (`.next`), and served with the site's security headers (`.next-site-headers`,
// BASELINE_SITE_HEADERS=1), whose Cross-Origin-Opener-Policy costs a bare page points of its own.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { freePort, waitForReady } from '../../tests/support/server'

export const BASELINE_DIR = resolve(__dirname, '../baseline-nextra')
const SECURITY_DIR = resolve(__dirname, '../../security')
const nextBin = createRequire(__filename).resolve('next/dist/bin/next')

export type BaselineVariant = 'bare' | 'site-headers'
/** Where each variant's build lives: next.config.mjs chooses its distDir from BASELINE_SITE_HEADERS. */
export const distDirOf = (variant: BaselineVariant) => join(BASELINE_DIR, variant === 'bare' ? '.next' : '.next-site-headers')
const envOf = (variant: BaselineVariant) => ({
  ...process.env,
  NEXT_TELEMETRY_DISABLED: '1',
  BASELINE_SITE_HEADERS: variant === 'site-headers' ? '1' : '',
})

/** Its sources (and for the headers variant, the site's security/) changed since its last build, or it has none. */
function isStale(variant: BaselineVariant): boolean {
  const buildId = join(distDirOf(variant), 'BUILD_ID')
  if (!existsSync(buildId)) return true
  const built = statSync(buildId).mtimeMs
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.name.startsWith('.next') ? false : e.isDirectory() ? newer(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs > built,
    )
  return newer(BASELINE_DIR) || (variant === 'site-headers' && newer(SECURITY_DIR))
}

export function buildBaseline(variant: BaselineVariant = 'bare') {
  if (!isStale(variant)) return
  // In its own directory: Nextra resolves themeConfig from the working directory.
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: BASELINE_DIR, stdio: 'inherit', env: envOf(variant) })
  if (result.status !== 0) throw new Error(`The baseline app (${variant}) did not build (exit ${result.status})`)
}

export interface BaselineServer {
  url: string
  stop(): Promise<void>
}

export async function startBaseline(variant: BaselineVariant = 'bare'): Promise<BaselineServer> {
  buildBaseline(variant)
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
    cwd: BASELINE_DIR,
    env: { ...envOf(variant), NODE_ENV: 'production' },
    stdio: 'pipe',
  })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const url = `http://localhost:${port}`
  await waitForReady(url, child, () => output, '/')
  return {
    url,
    async stop() {
      if (child.exitCode !== null) return
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM')
      await exited
    },
  }
}
