#!/usr/bin/env node
// Builds public/downloads/<starter>.zip for every starters/<name>/ with a package.json, from the
// starter's git-tracked files only (so never node_modules, .next, .data or a local .env), under a
// top folder named after the starter. Run by `npm run build` (scripts/serve.mjs) and by the starters tests.
import { execFileSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { zipSync } from 'fflate'

// Not `new URL('../..', import.meta.url)`: the site's build bundles this file (the Starters page lists the starters),
// and webpack reads that form as a file to bundle.
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..')
export const STARTERS_DIR = join(root, 'starters')
export const DOWNLOADS_DIR = join(root, 'public', 'downloads')
const NEVER = /(^|\/)(node_modules|\.next|\.data|test-results)(\/|$)|(^|\/)\.env(\..*)?$(?<!\.env\.example)/

/** Every starter: a folder under starters/ with a package.json. */
export function starterNames(dir = STARTERS_DIR) {
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((name) => existsSync(join(dir, name, 'package.json')))
    .sort()
}

/** The starter's files as git tracks them (a fresh clone's view); outside git, a walk that skips the same. */
export function starterFiles(dir) {
  let files
  try {
    files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--', '.'], { cwd: dir, encoding: 'utf8' })
      .split('\0')
      .filter(Boolean)
  } catch {
    files = walk(dir).map((f) => relative(dir, f))
  }
  return files.filter((f) => !NEVER.test(f) && existsSync(join(dir, f))).sort()
}

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (NEVER.test(name)) return []
    return statSync(path).isDirectory() ? walk(path) : [path]
  })
}

/**
 * Writes `<outDir>/<name>.zip`. The zip is deterministic, so an unchanged starter leaves the file (and its mtime)
 * alone: the e2e suite refuses a build older than any file under public/, and a rewrite of the same bytes during
 * a test run would make the current build look stale.
 */
export function buildZip(name, outDir = DOWNLOADS_DIR) {
  const dir = join(STARTERS_DIR, name)
  const entries = {}
  for (const file of starterFiles(dir)) {
    const mode = statSync(join(dir, file)).mode
    // A fixed date: the same files give the same zip, whatever the checkout time.
    entries[`${name}/${file}`] = [readFileSync(join(dir, file)), { mtime: new Date('2025-01-01T00:00:00Z'), os: 3, attrs: (mode & 0o777) << 16 }]
  }
  mkdirSync(outDir, { recursive: true })
  const zip = zipSync(entries, { level: 9 })
  const out = join(outDir, `${name}.zip`)
  const same = existsSync(out) && Buffer.from(zip).equals(readFileSync(out))
  if (!same) writeFileSync(out, zip)
  return { name, path: out, bytes: zip.length, files: Object.keys(entries).length, written: !same }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const name of starterNames()) {
    const { path, bytes, files } = buildZip(name)
    console.log(`starters: ${relative(root, path)} (${files} files, ${(bytes / 1024).toFixed(1)} kB)`)
  }
}
