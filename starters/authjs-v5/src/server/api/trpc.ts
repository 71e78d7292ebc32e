// tRPC setup as create-t3-app generates it (src/server/api/trpc.ts): the session and the database on the context,
// superjson, and protectedProcedure. The template's timingMiddleware (an artificial delay in development) is left
// out: the e2e tests count requests and time the update.
import { TRPCError, initTRPC } from '@trpc/server'
import superjson from 'superjson'
import { ZodError } from 'zod'
import { auth } from '~/server/auth'
import { db } from '~/server/db'

export const createTRPCContext = async (opts: { headers: Headers }) => {
  const session = await auth()
  return { db, session, ...opts }
}

const t = initTRPC.context<typeof createTRPCContext>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    return { ...shape, data: { ...shape.data, zodError: error.cause instanceof ZodError ? error.cause.issues : null } }
  },
})

export const createCallerFactory = t.createCallerFactory
export const createTRPCRouter = t.router
export const publicProcedure = t.procedure
export const protectedProcedure = t.procedure.use(({ ctx, next }) => {
  if (!ctx.session?.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Sign in first.' })
  // infers the `session` as non-nullable
  return next({ ctx: { session: { ...ctx.session, user: ctx.session.user } } })
})
