import Link from 'next/link'
import { Suspense, lazy, startTransition, useEffect, useRef, useState } from 'react'
import type { PresetId } from './presets'
import { LabPlaceholder } from './LabPlaceholder'
import styles from './TokenLab.module.css'

// Sandpack, CodeMirror, the worker and Auth.js stay out of the page's first load: they come with this chunk.
const LabRoot = lazy(() => import('./LabRoot'))

/** Start loading this far before the lab scrolls into view, so it is ready when the reader gets there. */
const NEAR = '300px 0px'
/** Longest wait for an idle moment once the lab is near: it must be ready for an edit within 1 s of showing. */
const IDLE_TIMEOUT_MS = 400

/**
 * The token lab: edit the Auth.js config and the update call, and watch the real engine (@auth/core) sign in,
 * update the token and face an attacker, in a worker, offline. Embed it in an MDX page: `<TokenLab preset="ticket" />` (the build adds `codeId`, the placeholder's code).
 */
export function TokenLab({ preset = 'naive', codeId }: { preset?: PresetId; codeId?: string }) {
  const box = useRef<HTMLElement>(null)
  const [near, setNear] = useState(false)

  // Not at once: the page paints, hydrates and goes idle first, then the lab loads in a transition, which React
  // renders in slices instead of one long task. A reader who reaches for the lab first starts it at once.
  useEffect(() => {
    const element = box.current
    if (!element) return
    let idle = 0
    const start = () => startTransition(() => setNear(true))
    const whenIdle = () => {
      if (idle) return
      idle = window.requestIdleCallback?.(start, { timeout: IDLE_TIMEOUT_MS }) ?? window.setTimeout(start, 1)
    }
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && whenIdle(), { rootMargin: NEAR })
    const afterLoad = () => observer.observe(element)
    if (document.readyState === 'complete') afterLoad()
    else window.addEventListener('load', afterLoad, { once: true })
    const events = ['pointerdown', 'focusin', 'keydown'] as const
    for (const name of events) element.addEventListener(name, start, { once: true, passive: true })
    return () => {
      observer.disconnect()
      window.removeEventListener('load', afterLoad)
      for (const name of events) element.removeEventListener(name, start)
      if (idle) (window.cancelIdleCallback ?? window.clearTimeout)(idle)
    }
  }, [])

  const placeholder = <LabPlaceholder preset={preset} codeId={codeId} />
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
