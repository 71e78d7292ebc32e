import { TRPCError } from '@trpc/server'
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc'
import { unstable_update } from '~/server/auth'
import { currentCaller } from '~/server/auth/caller'
import { NotFound, completeOnboarding, completeOnboardingInput } from '~/server/onboarding'

export const onboardingRouter = createTRPCRouter({
  /** The step the session carries, for server components (src/trpc/server.ts) and the client alike. */
  step: protectedProcedure.query(({ ctx }) => ctx.session.user.onboardingStep ?? null),

  // The source article's api.onboarding.completeOnboarding, with the session re-issued in this same response:
  // unstable_update() runs the jwt callback with trigger "update" (which re-reads the row; the `{}` it is given is
  // ignored) and sets the new cookie on this tRPC response. No second request.
  completeOnboarding: protectedProcedure.input(completeOnboardingInput).mutation(async ({ ctx, input }) => {
    const caller = await currentCaller(ctx.headers)
    if (!caller) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' })
    try {
      const result = await completeOnboarding(caller, input)
      if (input.strategy !== 'ticket') await unstable_update({})
      return result
    } catch (error) {
      if (error instanceof NotFound) throw new TRPCError({ code: 'NOT_FOUND', message: error.message })
      throw error
    }
  }),
})
