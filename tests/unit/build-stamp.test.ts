// npm start serves the build of the sources on disk (scripts/build-stamp.mjs), on a throwaway checkout.
import { spawn } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { buildState, recordBuild, registerServer, runningServers, sourceHash } from '../../scripts/build-stamp.mjs'

let root = ''
function checkout() {
  root = mkdtempSync(join(tmpdir(), 'sul-stamp-'))
  mkdirSync(join(root, 'pages/guide'), { recursive: true })
  mkdirSync(join(root, 'tests/unit'), { recursive: true })
  writeFileSync(join(root, 'pages/guide/a.mdx'), '# A\n\n<TestLink path="tests/unit/x.test.ts" />\n')
  writeFileSync(join(root, 'tests/unit/x.test.ts'), 'one')
  writeFileSync(join(root, 'tests/unit/y.test.ts'), 'not shown on any page')
  writeFileSync(join(root, 'package.json'), '{}')
  return root
}
const built = () => {
  mkdirSync(join(root, '.next'), { recursive: true })
  writeFileSync(join(root, '.next/BUILD_ID'), 'x')
}
afterEach(() => rmSync(root, { recursive: true, force: true }))

describe('build stamp', () => {
  it('a build just recorded is current; an edit, a new file or a linked test file makes it stale', () => {
    checkout()
    expect(buildState(root)).toBe('missing')
    built()
    expect(buildState(root)).toBe('stale') // `next build` alone records nothing
    recordBuild(root)
    expect(buildState(root)).toBe('current')
    writeFileSync(join(root, 'tests/unit/y.test.ts'), 'a test the site does not show: no rebuild')
    expect(buildState(root)).toBe('current')
    writeFileSync(join(root, 'tests/unit/x.test.ts'), 'two')
    expect(buildState(root)).toBe('stale')
    recordBuild(root)
    writeFileSync(join(root, 'pages/guide/b.mdx'), '# B')
    expect(buildState(root)).toBe('stale')
  })

  it('a new bench result for the starters (the Better Auth chapter renders it) makes the build stale', () => {
    checkout()
    mkdirSync(join(root, 'bench/results'), { recursive: true })
    writeFileSync(join(root, 'bench/results/starters.json'), '{"runs":10}')
    writeFileSync(join(root, 'bench/results/2026-12-04-network.md'), 'a note the site does not render')
    built()
    recordBuild(root)
    writeFileSync(join(root, 'bench/results/2026-12-04-network.md'), 'edited: no rebuild')
    expect(buildState(root)).toBe('current')
    writeFileSync(join(root, 'bench/results/starters.json'), '{"runs":11}')
    expect(buildState(root)).toBe('stale')
  })

  it('hashes paths as well as contents', () => {
    checkout()
    const before = sourceHash(root)
    rmSync(join(root, 'pages/guide/a.mdx'))
    writeFileSync(join(root, 'pages/guide/renamed.mdx'), '# A\n\n<TestLink path="tests/unit/x.test.ts" />\n')
    expect(sourceHash(root)).not.toBe(before)
  })

  it('lists running servers and forgets dead ones', async () => {
    checkout()
    mkdirSync(join(root, 'node_modules'), { recursive: true })
    const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    const dir = join(root, 'node_modules/.cache/session-update-lab/servers')
    mkdirSync(dir, { recursive: true })
    writeFileSync(join(dir, String(child.pid)), '')
    writeFileSync(join(dir, '999999999'), '')
    registerServer(root) // this process: never listed as "another" server
    expect(runningServers(root)).toEqual([child.pid])
    child.kill()
    await new Promise((done) => child.once('exit', done))
    expect(runningServers(root)).toEqual([])
  })
})
