import { describe, expect, it } from 'vitest'
import { safeCallbackUrl } from '@/components/OnboardingFlow/callback-url'

describe('safeCallbackUrl', () => {
  it('keeps same-origin paths with their query', () => {
    expect(safeCallbackUrl('/demo/explore?tab=1', '/x')).toBe('/demo/explore?tab=1')
  })

  it('refuses anything that could leave the site or loop back into the gate', () => {
    for (const bad of ['https://evil.example', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/demo', '/demo?x=1', '/demo/onboarding', undefined, ['/a']]) {
      expect(safeCallbackUrl(bad, '/fallback'), String(bad)).toBe('/fallback')
    }
  })
})
