// The download zip holds a starter's own files and nothing built or private.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { unzipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { buildZip, starterFiles, starterNames } from '../../scripts/starters/zip.mjs'

describe('starter zips', () => {
  it('finds every starter folder with a package.json', () => {
    expect(starterNames()).toContain('next-auth-v4')
  })

  it('zips the starter under its own folder, with its lockfile, README and .env.example', () => {
    // Into a folder of its own: public/downloads belongs to the build the e2e suite is testing at the same time.
    const { path } = buildZip('next-auth-v4', mkdtempSync(join(process.env.DATA_DIR!, 'zip-out-')))
    const names = Object.keys(unzipSync(readFileSync(path)))
    for (const file of ['package.json', 'package-lock.json', 'README.md', '.env.example', 'public/logo.png']) {
      expect(names).toContain(`next-auth-v4/${file}`)
    }
    expect(names.filter((n) => /node_modules|\/\.next\/|\/\.data\//.test(n))).toEqual([])
  })

  it('rewrites nothing when the starter did not change (the zip is deterministic)', () => {
    const out = mkdtempSync(join(process.env.DATA_DIR!, 'zip-same-'))
    const first = buildZip('next-auth-v4', out)
    const again = buildZip('next-auth-v4', out)
    expect(first.written).toBe(true)
    expect(again.written).toBe(false)
    expect(readFileSync(again.path).equals(readFileSync(first.path))).toBe(true)
  })

  it('leaves out node_modules, .next, .data and .env files even outside git', () => {
    const dir = mkdtempSync(join(process.env.DATA_DIR!, 'zip-walk-'))
    for (const file of ['a.ts', 'node_modules/x/i.js', '.next/BUILD_ID', '.data/secret', '.env', '.env.local', '.env.example']) {
      mkdirSync(join(dir, file, '..'), { recursive: true })
      writeFileSync(join(dir, file), 'x')
    }
    expect(starterFiles(dir).sort()).toEqual(['.env.example', 'a.ts'])
  })
})
