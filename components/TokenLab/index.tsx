import Link from 'next/link'
import { Suspense, lazy, useEffect, useRef, useState } from 'react'
import type { PresetId } from './presets'
import { LabPlaceholder } from './LabPlaceholder'
import styles from './TokenLab.module.css'

// Sandpack, CodeMirror, the worker and Auth.js stay out of the page's first load: they come with this chunk.
const LabRoot = lazy(() => import('./LabRoot'))

/** Start loading this far before the lab scrolls into view, so it is ready when the reader gets there. */
const NEAR = '600px 0px'

/**
 * The token lab: edit the Auth.js config and the update call, and watch the real engine (@auth/core) sign in,
 * update the token and face an attacker, in a worker, offline. Embed it anywhere: `<TokenLab preset="ticket" />`.
 */
export function TokenLab({ preset = 'naive' }: { preset?: PresetId }) {
  const box = useRef<HTMLElement>(null)
  const [near, setNear] = useState(false)

  useEffect(() => {
    const element = box.current
    if (!element) return
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && setNear(true), {
      rootMargin: NEAR,
    })
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  const placeholder = <LabPlaceholder preset={preset} />
  return (
    <section ref={box} className={styles.lab} aria-label="Token lab" data-testid="token-lab">
      <p className={styles.engine}>
        Runs <strong>Auth.js core</strong> (<code>@auth/core</code> 0.41, the engine of next-auth v5) in your browser,
        offline. For next-auth v4 on a real server, try the <Link href="/demo">live demo</Link>.
      </p>
      {near ? (
        <Suspense fallback={placeholder}>
          <LabRoot initialPreset={preset} />
        </Suspense>
      ) : (
        placeholder
      )}
    </section>
  )
}
