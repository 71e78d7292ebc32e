// BENCH_COMPARE_DIR for `npm run bench:pages`: another checkout's production build (say, the commit before a
// change: `git clone . /tmp/before && cd /tmp/before && ln -s <this>/node_modules . && npm run build`), served
// beside this one, its pages interleaved with this build's and the baseline's in the same run. Before and after
// then share the run's load, which on this shared machine moves blocking time by up to 5× between runs.
import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { freePort, tempDataDir, waitForReady } from '../../tests/support/server'

export interface CompareSite {
  dir: string
  url: string
  stop(): Promise<void>
}

export async function startCompareSite(dir: string): Promise<CompareSite> {
  const root = resolve(dir)
  if (!existsSync(join(root, '.next/BUILD_ID'))) throw new Error(`BENCH_COMPARE_DIR=${dir} has no production build: run \`npm run build\` there first`)
  const port = await freePort()
  const url = `http://localhost:${port}`
  const dataDir = tempDataDir()
  const { NEXTAUTH_SECRET: _inherited, ...inherited } = process.env
  const env: NodeJS.ProcessEnv = { ...inherited, PORT: String(port), DATA_DIR: dataDir, NEXTAUTH_URL: url, NODE_ENV: 'production' }
  const child: ChildProcess = spawn(process.execPath, ['scripts/serve.mjs', 'start'], { cwd: root, env, stdio: 'pipe' })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  await waitForReady(url, child, () => output)
  return {
    dir: root,
    url,
    async stop() {
      if (child.exitCode === null) {
        const exited = new Promise((done) => child.once('exit', done))
        child.kill('SIGTERM')
        await exited
      }
      rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
