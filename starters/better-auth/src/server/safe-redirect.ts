/** A callbackUrl from the query, kept only when it stays on this site (a path), else the fallback. */
export function safeRedirect(value: string | null | undefined, fallback = '/dashboard'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  try {
    const url = new URL(value, 'http://x')
    return url.origin === 'http://x' ? url.pathname + url.search + url.hash : fallback
  } catch {
    return fallback
  }
}
