'use client'
import { signOut } from 'next-auth/react'

export function SignOutButton() {
  return (
    <button type="button" data-testid="signout" onClick={() => signOut({ redirectTo: '/signin' })}>
      Sign out
    </button>
  )
}
