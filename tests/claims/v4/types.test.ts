// What next-auth 4's JWT type extends. Checked by tsc through content/v4/tsconfig.json (which includes tests/claims/v4):
// `npm run typecheck`; at run time this test only proves the module loads.
import type { JWT } from 'next-auth/jwt'
import { expectTypeOf, it } from 'vitest'
import { claim } from '../support/claim'

claim('jwt-extends-record', ['v4'], () => {
  it('JWT extends Record<string, unknown>: an undeclared claim reads as unknown', () => {
    expectTypeOf<JWT>().toMatchTypeOf<Record<string, unknown>>()
    expectTypeOf<JWT['notDeclaredAnywhere']>().toEqualTypeOf<unknown>()
  })
})
