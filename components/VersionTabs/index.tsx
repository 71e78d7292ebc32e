import { Tabs } from 'nextra/components'
import { useEffect, type ReactNode } from 'react'

/** Nextra's Tabs keep the chosen index here and sync every tab set with it, on every page. */
export const VERSION_STORAGE_KEY = 'session-update-lab:next-auth-version'
const VERSIONS = ['next-auth v4', 'Auth.js v5 (next-auth@beta)']

/** `?v=4` or `?v=5` picks the version, as a link to a page can: it is then remembered like a click. */
export function versionIndexFromQuery(search: string): number | null {
  const v = new URLSearchParams(search).get('v')?.replace(/^v/, '')
  return v === '4' ? 0 : v === '5' ? 1 : null
}

export function VersionTabs({ children }: { children: ReactNode }) {
  useEffect(() => {
    const index = versionIndexFromQuery(window.location.search)
    if (index === null || localStorage.getItem(VERSION_STORAGE_KEY) === String(index)) return
    localStorage.setItem(VERSION_STORAGE_KEY, String(index))
    // Tabs listen to this event: the ones already mounted switch too.
    window.dispatchEvent(new StorageEvent('storage', { key: VERSION_STORAGE_KEY, newValue: String(index) }))
  }, [])
  return (
    <Tabs items={VERSIONS} storageKey={VERSION_STORAGE_KEY}>
      {children}
    </Tabs>
  )
}

export const Version = Tabs.Tab
