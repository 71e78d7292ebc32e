// Chapter 8: the v4 module augmentation (content/v4/next-auth.d.ts), run by vitest's typecheck mode (project types-v4: tsc with content/v4/tsconfig.json).
/// <reference path="../../../content/v4/next-auth.d.ts" />
import type { Session, User } from 'next-auth'
import type { JWT } from 'next-auth/jwt'
import { describe, expectTypeOf, it } from 'vitest'
import type { OnboardingStep } from '@/content/shared/users'

describe('v4 module augmentation (chapter 8)', () => {
  it('types the custom claims on Session, User and JWT', () => {
    expectTypeOf<Session['user']['id']>().toEqualTypeOf<string>()
    expectTypeOf<Session['user']['onboardingStep']>().toEqualTypeOf<OnboardingStep | undefined>()
    expectTypeOf<User['role']>().toEqualTypeOf<'reader' | 'editor' | 'admin' | undefined>()
    expectTypeOf<User['ver']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<JWT['ver']>().toEqualTypeOf<number | undefined>()
    expectTypeOf<JWT['role']>().toEqualTypeOf<'reader' | 'editor' | 'admin' | undefined>()
    // Not declared: JWT is a Record<string, unknown>, so it is `unknown`, not an error.
    expectTypeOf<JWT['isAdmin']>().toBeUnknown()
  })
})
