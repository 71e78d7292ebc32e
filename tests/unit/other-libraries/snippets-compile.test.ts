// The code blocks of /guide/other-libraries (content/other/*.ts) against the installed libraries' own types:
// compiled here with the site's compiler options, so a renamed or removed function in a pinned version fails this
// test, not a reader. (`npm run typecheck` compiles them too; this names the file when one breaks.) Two of them
// (Supabase, WorkOS) need the hosted service to run, so compiling is what a test can do; the others also run
// in iron-session.test.ts, auth0.test.ts and clerk.test.ts.
import { readdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'
// Named here so tests/unit/guide-snippets.test.ts sees who compiles them (it follows imports; the program below
// takes every file of the folder).
import type {} from '@/content/other/supabase'
import type {} from '@/content/other/workos'

const ROOT = resolve(__dirname, '../../..')
const DIR = join(ROOT, 'content/other')

describe('content/other compiles against the pinned libraries', () => {
  it('has no type error in any snippet', () => {
    const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!
    const files = readdirSync(DIR).filter((f) => f.endsWith('.ts')).map((f) => join(DIR, f))
    expect(files.length).toBe(5)
    const program = ts.createProgram(files, { ...config.options, incremental: false, noEmit: true })
    const errors = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))
    expect(errors).toEqual([])
  }, 120_000)
})
