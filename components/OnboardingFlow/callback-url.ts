/** Only same-origin paths: an open redirect here would undo the gate's whole point. */
export function safeCallbackUrl(value: unknown, fallback: string): string {
  if (typeof value !== 'string') return fallback
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return fallback
  if (value === '/demo' || value.startsWith('/demo?') || value.startsWith('/demo/onboarding')) return fallback
  return value
}
