import { useSession } from 'next-auth/react'
import { useEffect, useState, type ReactNode } from 'react'
import forgedTicketScript from '@/content/attack/forged-ticket.sh'
import forgedResponseScript from '@/content/attack/forged-response.sh'
import forgedUpdateScript from '@/content/attack/forged-update.sh'
import naiveScript from '@/content/attack/naive-provider.sh'
import ui from '@/components/DemoFrame/ui.module.css'
import { forgedResponseAttack, forgedTicketAttack, forgedUpdateAttack, naiveAttack, type AttackOutcome } from './attacks'
import styles from './AttackLab.module.css'

/** Four attempts to become user admin-0001 with role admin, from this browser, against this server. */
export function AttackLab() {
  const { update } = useSession()
  return (
    <>
      <Attack
        id="naive"
        title="(a) Through the naive pass-through provider"
        run={naiveAttack}
        script={naiveScript}
        why={
          <>
            It works. The provider returns <code>JSON.parse(credentials.user)</code>, so the browser decides who it
            is. The CSRF check does not help: the token is a double-submit cookie that anyone can fetch from{' '}
            <code>/api/auth/csrf</code>, bound to no session and no user. After this, your session is the forged
            one: the red banner says so. Sign out to get yours back.
          </>
        }
      />
      <Attack
        id="ticket"
        title="(b) Through the hardened provider, with a forged ticket"
        run={forgedTicketAttack}
        script={forgedTicketScript}
        why={
          <>
            Refused. The ticket must be an HS256 signature made with a key only the server holds (the algorithm is
            pinned, so <code>alg: none</code> fails), for the subject of the session that sends it, and newer than
            the version already in that session.
          </>
        }
      />
      <Attack
        id="update"
        title="(c) Through the built-in update(), with forged data"
        run={() => forgedUpdateAttack(update)}
        script={forgedUpdateScript}
        why={
          <>
            Ignored. <code>update(data)</code> does reach the jwt callback as <code>session</code> with{' '}
            <code>trigger: &quot;update&quot;</code>, but this demo&apos;s callback never reads it: it re-reads the
            user row and takes the role from there.
          </>
        }
      />
      <Attack
        id="response"
        title="(d) Through the one-request update, with forged claims in the mutation"
        run={forgedResponseAttack}
        script={forgedResponseScript}
        why={
          <>
            Refused, and there is nothing to forge. The route that re-issues the session in its response takes a goal
            and a strategy name only (any other field is a 400), reads who you are from your own cookie, and builds
            the new claims from the row it just wrote. No claim ever travels from the browser.
          </>
        }
      />
    </>
  )
}

function Attack(props: { id: string; title: string; run: () => Promise<AttackOutcome>; script: string; why: ReactNode }) {
  const [outcome, setOutcome] = useState<AttackOutcome | null>(null)
  const [busy, setBusy] = useState(false)
  const [origin, setOrigin] = useState('http://localhost:3000')
  useEffect(() => setOrigin(window.location.origin), [])

  async function run() {
    setBusy(true)
    try {
      setOutcome(await props.run())
    } catch (error) {
      setOutcome({ verdict: 'refused', detail: (error as Error).message })
    } finally {
      setBusy(false)
    }
  }

  return (
    <section className={ui.card} aria-labelledby={`attack-${props.id}`}>
      <h3 id={`attack-${props.id}`} className={styles.title}>
        {props.title}
      </h3>
      <button type="button" className={props.id === 'naive' ? ui.danger : ui.primary} onClick={run} disabled={busy}>
        {busy ? 'Trying…' : 'Try it'}
      </button>
      {outcome && (
        <div className={styles.outcome} data-testid={`attack-${props.id}-result`} data-verdict={outcome.verdict}>
          <p className={outcome.verdict === 'succeeded' ? ui.error : ui.ok}>
            {outcome.verdict === 'succeeded' ? 'The attack worked.' : `The attack was ${outcome.verdict}.`}{' '}
            <span className={styles.detail}>{outcome.detail}</span>
          </p>
          <p>{props.why}</p>
        </div>
      )}
      <details className={styles.script}>
        <summary>The same attack with curl</summary>
        <pre className={ui.pre}>{props.script.replaceAll('http://localhost:3000', origin)}</pre>
      </details>
    </section>
  )
}
