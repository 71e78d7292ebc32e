import 'server-only'
// create-t3-app's src/trpc/server.ts: `api` calls procedures directly from React Server Components (no HTTP), and
// `HydrateClient` hands what they prefetched to the client's React Query cache.
import { createHydrationHelpers } from '@trpc/react-query/rsc'
import { headers } from 'next/headers'
import { cache } from 'react'
import { createCaller, type AppRouter } from '~/server/api/root'
import { createTRPCContext } from '~/server/api/trpc'
import { createQueryClient } from './query-client'

const createContext = cache(async () => {
  const heads = new Headers(await headers())
  heads.set('x-trpc-source', 'rsc')
  return createTRPCContext({ headers: heads })
})

const getQueryClient = cache(createQueryClient)
const caller = createCaller(createContext)

export const { trpc: api, HydrateClient } = createHydrationHelpers<AppRouter>(caller, getQueryClient)
