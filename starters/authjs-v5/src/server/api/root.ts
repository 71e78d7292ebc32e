import { onboardingRouter } from './routers/onboarding'
import { createTRPCRouter } from './trpc'

export const appRouter = createTRPCRouter({ onboarding: onboardingRouter })
export type AppRouter = typeof appRouter
