// One browser tab of an app that uses next-auth's real React client: <SessionProvider> around a component that
// shows useSession() and hands its `update` (and getSession, signIn) to the test. Bundled for Chromium by
// tabs.ts, once with next-auth 4's `next-auth/react`, once with next-auth 5's (the import is aliased there).
import { createRoot } from 'react-dom/client'
import { SessionProvider, getSession, signIn, useSession } from 'next-auth/react'
import type {} from './tab-window'


function Probe() {
  const { data, status, update } = useSession()
  window.tab = { update, getSession, signIn, status }
  return (
    <pre id="session" data-status={status}>
      {JSON.stringify(data ?? null)}
    </pre>
  )
}

// Refetching on focus would make a tab refetch for a reason of its own: the tests want only the broadcast's.
createRoot(document.getElementById('root')!).render(
  <SessionProvider refetchOnWindowFocus={false}>
    <Probe />
  </SessionProvider>,
)
