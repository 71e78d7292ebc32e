// Where Auth.js v5 declares the JWT type, and what it extends. The type half is checked by tsc through
// content/v5/tsconfig.json (which includes tests/claims/v5 and maps next-auth to next-auth 5): `npm run typecheck`.
import * as core from '@auth/core/jwt'
import type { JWT } from 'next-auth/jwt'
import * as jwt from 'next-auth/jwt'
import { expect, expectTypeOf, it } from 'vitest'
import { claim } from '../support/claim'

claim('v5-jwt-reexports-core', ['v5'], () => {
  it('next-auth/jwt re-exports @auth/core/jwt: the same functions', () => {
    expect(jwt.encode).toBe(core.encode)
    expect(jwt.decode).toBe(core.decode)
    expect(jwt.getToken).toBe(core.getToken)
  })
})

claim('jwt-extends-record', ['v5'], () => {
  it('JWT extends Record<string, unknown>: an undeclared claim reads as unknown', () => {
    expectTypeOf<JWT>().toMatchTypeOf<Record<string, unknown>>()
    expectTypeOf<JWT['notDeclaredAnywhere']>().toEqualTypeOf<unknown>()
  })
})
