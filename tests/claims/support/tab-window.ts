// What tab-app.tsx puts on `window` for the tests (tabs.ts) to call. Its own module, imported by both: the
// version-specific tsconfigs (content/v4, content/v5) reach tabs.ts but never the browser-only tab-app.tsx.
export type TabHandle = {
  update(data?: unknown): Promise<unknown>
  getSession(): Promise<unknown>
  // A method's parameters are checked loosely: the version's own `signIn` (4 and 5 differ) is assignable.
  signIn(provider: string, options?: Record<string, unknown>): Promise<unknown>
  status: string
}

declare global {
  interface Window {
    tab: TabHandle
  }
}
