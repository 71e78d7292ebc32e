// tRPC setup, the create-t3-app shape: a context with the caller, and a protectedProcedure.
import { TRPCError, initTRPC } from '@trpc/server'
import { ZodError } from 'zod'
import { currentCaller } from '~/server/auth/caller'

export async function createTRPCContext(opts: { headers: Headers }) {
  return { caller: await currentCaller(), headers: opts.headers }
}

const t = initTRPC.context<typeof createTRPCContext>().create({
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, zodError: error.cause instanceof ZodError ? error.cause.issues : null } }
  },
})

export const createTRPCRouter = t.router
export const publicProcedure = t.procedure
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.caller) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' })
  return next({ ctx: { ...ctx, caller: ctx.caller } })
})
