// Chapter 8: the v5 module augmentation (content/v5/next-auth.d.ts), run by vitest's typecheck mode (project types-v5: tsc with content/v5/tsconfig.json).
/// <reference path="../../../content/v5/next-auth.d.ts" />
import type { Session, User } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import { describe, expectTypeOf, it } from 'vitest'
import type { OnboardingStep } from '@/content/shared/users'

describe('v5 module augmentation (chapter 8)', () => {
  it('types the custom claims on Session, User and JWT (through @auth/core/jwt)', () => {
    expectTypeOf<Session['user']['id']>().toEqualTypeOf<string>()
    expectTypeOf<Session['user']['onboardingStep']>().toEqualTypeOf<OnboardingStep | undefined>()
    expectTypeOf<User['role']>().toEqualTypeOf<'reader' | 'editor' | 'admin' | undefined>()
    expectTypeOf<User['ver']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<JWT['ver']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<JWT['role']>().toEqualTypeOf<'reader' | 'editor' | 'admin' | undefined>()
    // Not declared: v5's JWT is a Record<string, unknown>, so it is `unknown`, not an error.
    expectTypeOf<JWT['isAdmin']>().toBeUnknown()
  })
})
