import { describe, expect, test } from 'vitest'
import naiveAuth from '@/content/lab/naive/auth.ts?raw'
import { compile } from '@/lab/compile'

describe('the lab compiles the reader’s TypeScript', () => {
  test('strips types and turns imports into require calls, every line where it was', () => {
    const result = compile('auth.ts', naiveAuth)
    if (!result.ok) throw new Error(result.error.message)
    expect(result.code).toContain("require('@auth/core/providers/credentials')")
    expect(result.code).not.toContain('satisfies')
    const lineOf = (text: string, needle: string) => text.split('\n').findIndex((line) => line.includes(needle))
    expect(lineOf(result.code, 'JSON.parse')).toBe(lineOf(naiveAuth, 'JSON.parse'))
  })

  test('a syntax error names the file, line and column, counted from 1', () => {
    const broken = naiveAuth.replace('token.role = user.role', 'token.role = = user.role')
    const line = broken.split('\n').findIndex((text) => text.includes('= = user.role')) + 1
    const result = compile('auth.ts', broken)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.error).toMatchObject({ file: 'auth.ts', line, message: 'SyntaxError: Unexpected token' })
    expect(result.error.column).toBe(broken.split('\n')[line - 1].indexOf('= user.role') + 1)
  })
})
