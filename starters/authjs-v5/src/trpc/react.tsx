'use client'
// The create-t3-app client: `api.onboarding.completeOnboarding.useMutation()` as in the source article.
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { httpBatchLink } from '@trpc/client'
import { createTRPCReact } from '@trpc/react-query'
import { useState, type ReactNode } from 'react'
import type { AppRouter } from '~/server/api/root'

export const api = createTRPCReact<AppRouter>()

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000 } } }))
  const [trpcClient] = useState(() =>
    api.createClient({
      // httpBatchLink, not create-t3-app's httpBatchStreamLink: a streamed response sends its headers
      // while the procedures are still running (@trpc/server resolveResponse: `new Response(stream, ...)`
      // over the unresolved calls), so the Set-Cookie that unstable_update() adds would come too late.
      links: [httpBatchLink({ url: '/api/trpc' })],
    }),
  )
  return (
    <api.Provider client={trpcClient} queryClient={queryClient}>
      <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
    </api.Provider>
  )
}
