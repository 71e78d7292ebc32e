import { TRPCError } from '@trpc/server'
import { unstable_update } from '~/auth'
import { createTRPCRouter, protectedProcedure } from '~/server/api/trpc'
import { NotFound, completeOnboarding, completeOnboardingInput } from '~/server/onboarding'

export const onboardingRouter = createTRPCRouter({
  // The source article's api.onboarding.completeOnboarding, with the session re-issued in this same
  // response: unstable_update() runs the jwt callback with trigger "update" (which re-reads the row;
  // the `{}` it is given is ignored) and sets the new cookie on this tRPC response. No second request.
  completeOnboarding: protectedProcedure.input(completeOnboardingInput).mutation(async ({ ctx, input }) => {
    try {
      const result = await completeOnboarding(ctx.caller, input)
      if (input.strategy !== 'ticket') await unstable_update({})
      return result
    } catch (error) {
      if (error instanceof NotFound) throw new TRPCError({ code: 'NOT_FOUND', message: error.message })
      throw error
    }
  }),
})
