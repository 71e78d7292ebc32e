// The browser side of the demo's own API (pages/api/demo/*).

export interface DemoUser {
  id: string
  name: string
  role: string
  onboardingStep: string
  goal: string | null
  version: number
}

export interface MutationResult {
  user: DemoUser
  ticket: string
}

export interface TokenView {
  signedIn: boolean
  claims: Record<string, unknown> | null
  cookie: { name: string; value: string; bytes: number; chunks: number } | null
}

async function call<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(path, { ...init, headers: { 'content-type': 'application/json', ...init?.headers } })
  // Next.js itself answers some refusals (413, invalid JSON) in plain text, not JSON.
  const text = await res.text()
  let body: { error?: string } = {}
  try {
    body = JSON.parse(text)
  } catch {
    if (!res.ok) throw new Error(text || `${path} answered ${res.status}`)
  }
  if (!res.ok) throw new Error(body.error ?? `${path} answered ${res.status}`)
  return body as T
}

/** `strategy: 'response'` asks the server to re-issue the session cookie in this very response. */
export const completeOnboarding = (goal: string, strategy?: 'response') =>
  call<MutationResult>('/api/demo/onboarding/complete', { method: 'POST', body: JSON.stringify({ goal, strategy }) })

export const resetOnboarding = () =>
  call<MutationResult>('/api/demo/onboarding/reset', { method: 'POST', body: '{}' })

export const fetchToken = () => call<TokenView>('/api/demo/token')
