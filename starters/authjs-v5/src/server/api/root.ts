import { onboardingRouter } from '~/server/api/routers/onboarding'
import { createCallerFactory, createTRPCRouter } from '~/server/api/trpc'

/** The primary router: every router in routers/ is added here. */
export const appRouter = createTRPCRouter({ onboarding: onboardingRouter })

export type AppRouter = typeof appRouter

/** A server-side caller (src/trpc/server.ts uses it for React Server Components). */
export const createCaller = createCallerFactory(appRouter)
