'use client'
import { useState } from 'react'
import { authClient } from '~/server/better-auth/client'

/** Deletes every other session row of this user; this browser stays signed in. */
export function SignOutEverywhere({ windowSeconds }: { windowSeconds: number }) {
  const [done, setDone] = useState('')
  return (
    <>
      <button
        type="button"
        data-testid="sign-out-everywhere"
        onClick={async () => {
          const { error } = await authClient.revokeOtherSessions()
          setDone(error ? `Not done: ${error.message}` : `Your other sessions are revoked; a device that was already signed in may keep its cached session for up to ${windowSeconds} s.`)
        }}
      >
        Sign out everywhere else
      </button>
      {done && <p data-testid="sign-out-everywhere-done">{done}</p>}
    </>
  )
}
