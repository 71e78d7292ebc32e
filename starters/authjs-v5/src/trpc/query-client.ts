import { QueryClient, defaultShouldDehydrateQuery } from '@tanstack/react-query'
import SuperJSON from 'superjson'

// create-t3-app's src/trpc/query-client.ts: one factory for the server (per request) and the browser (one).
export const createQueryClient = () =>
  new QueryClient({
    defaultOptions: {
      // With SSR, a staleTime above 0 avoids refetching right after hydration.
      queries: { staleTime: 30 * 1000 },
      dehydrate: {
        serializeData: SuperJSON.serialize,
        shouldDehydrateQuery: (query) => defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
      hydrate: { deserializeData: SuperJSON.deserialize },
    },
  })
