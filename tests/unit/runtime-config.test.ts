import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'

const dir = mkdtempSync(join(tmpdir(), 'sul-secret-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

// A fresh process each time, as a real server start is.
function secretIn(env: Record<string, string>) {
  const code = `import('${resolve(__dirname, '../../demo/runtime-config.mjs')}').then(m => process.stdout.write(m.ensureSecret()))`
  const { NEXTAUTH_SECRET: _, ...base } = process.env
  return spawnSync(process.execPath, ['-e', code], { env: { ...base, ...env }, encoding: 'utf8' }).stdout
}

describe('the generated secret', () => {
  it('is created on first start, kept private, and reused by every later start', () => {
    const first = secretIn({ DATA_DIR: dir })
    expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(readFileSync(join(dir, 'secret'), 'utf8').trim()).toBe(first)
    expect(statSync(join(dir, 'secret')).mode & 0o077).toBe(0)
    expect(secretIn({ DATA_DIR: dir })).toBe(first)
  })

  it('gives way to NEXTAUTH_SECRET', () => {
    expect(secretIn({ DATA_DIR: dir, NEXTAUTH_SECRET: 'from-env' })).toBe('from-env')
  })
})
