// The demo's one source for what the session bar shows: the token this browser holds. useSession() is a copy that
// only refetches when next-auth/react decides to; a panel that learns the token changed behind it (the gate re-read
// the row, or ended the session) publishes what the server answered, and the bar shows that instead.
import { useEffect, useState } from 'react'

export type PublishedToken = { ended: true } | { ended: false; claims: Record<string, unknown> }

const EVENT = 'demo:current-token'
let latest: PublishedToken | null = null

/** Called with the claims the server just reported for this browser's cookie, or `{ ended: true }`. */
export function publishToken(token: PublishedToken) {
  latest = token
  window.dispatchEvent(new CustomEvent(EVENT))
}

/** The last token a panel published on this page, or null when none did (then useSession() is current). */
export function usePublishedToken(): PublishedToken | null {
  const [token, setToken] = useState<PublishedToken | null>(latest)
  useEffect(() => {
    const onChange = () => setToken(latest)
    window.addEventListener(EVENT, onChange)
    return () => window.removeEventListener(EVENT, onChange)
  }, [])
  return token
}
