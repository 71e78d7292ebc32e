// The baseline of `npm run bench:pages` (issue 26): bench/baseline-nextra, a bare Nextra 3 docs app built with the
// site's own installed versions and served beside the site, so each page is compared with it in the same run: an
// absolute Lighthouse score moves by 15–20 points between machines, a ratio measured in one run does not.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import { freePort, waitForReady } from '../../tests/support/server'

export const BASELINE_DIR = resolve(__dirname, '../baseline-nextra')
const nextBin = createRequire(__filename).resolve('next/dist/bin/next')

/** Its sources changed since its last build (or it has none): rebuilt, the site's build untouched. */
function isStale(): boolean {
  const buildId = join(BASELINE_DIR, '.next/BUILD_ID')
  if (!existsSync(buildId)) return true
  const built = statSync(buildId).mtimeMs
  const newer = (dir: string): boolean =>
    readdirSync(dir, { withFileTypes: true }).some((e) =>
      e.name === '.next' ? false : e.isDirectory() ? newer(join(dir, e.name)) : statSync(join(dir, e.name)).mtimeMs > built,
    )
  return newer(BASELINE_DIR)
}

export function buildBaseline() {
  if (!isStale()) return
  // In its own directory: Nextra resolves themeConfig from the working directory.
  const result = spawnSync(process.execPath, [nextBin, 'build'], { cwd: BASELINE_DIR, stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } })
  if (result.status !== 0) throw new Error(`The baseline app did not build (exit ${result.status})`)
}

export interface BaselineServer {
  url: string
  stop(): Promise<void>
}

export async function startBaseline(): Promise<BaselineServer> {
  buildBaseline()
  const port = await freePort()
  const child: ChildProcess = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
    cwd: BASELINE_DIR,
    env: { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' },
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
