// A bench script run as `npm run bench…` runs it (tsx, from the repository's root), for the smoke tests that keep the
// benches working in CI: its exit code and everything it printed.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '../..')

export async function runBench(script: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', script], { cwd: ROOT, env: { ...process.env, ...env }, stdio: 'pipe' })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const code = await new Promise<number | null>((done) => child.on('close', done))
  return { code, output }
}
