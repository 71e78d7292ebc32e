'use client'
// create-t3-app's src/trpc/react.tsx: `api.onboarding.completeOnboarding.useMutation()` as in the source article.
import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { httpBatchLink } from '@trpc/client'
import { createTRPCReact } from '@trpc/react-query'
import type { inferRouterInputs, inferRouterOutputs } from '@trpc/server'
import { useState, type ReactNode } from 'react'
import SuperJSON from 'superjson'
import type { AppRouter } from '~/server/api/root'
import { createQueryClient } from './query-client'

let clientQueryClientSingleton: QueryClient | undefined
const getQueryClient = () => {
  // Server: a new client per request. Browser: one for the page's life.
  if (typeof window === 'undefined') return createQueryClient()
  return (clientQueryClientSingleton ??= createQueryClient())
}

export const api = createTRPCReact<AppRouter>()
export type RouterInputs = inferRouterInputs<AppRouter>
export type RouterOutputs = inferRouterOutputs<AppRouter>

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const queryClient = getQueryClient()
  const [trpcClient] = useState(() =>
    api.createClient({
      links: [
        // httpBatchLink, not the template's httpBatchStreamLink: a streamed response sends its headers while the
        // procedures are still running (@trpc/server resolveResponse: `new Response(stream, ...)` over the
        // unresolved calls), so the Set-Cookie that unstable_update() adds would come too late. Same-origin
        // relative URL: the browser is the only client, so the template's getBaseUrl() is not needed.
        httpBatchLink({ transformer: SuperJSON, url: '/api/trpc', headers: () => ({ 'x-trpc-source': 'nextjs-react' }) }),
      ],
    }),
  )
  return (
    <QueryClientProvider client={queryClient}>
      <api.Provider client={trpcClient} queryClient={queryClient}>
        {children}
      </api.Provider>
    </QueryClientProvider>
  )
}
