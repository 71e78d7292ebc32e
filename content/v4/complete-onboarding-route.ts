import { getToken } from 'next-auth/jwt'
import { NextResponse, type NextRequest } from 'next/server'
import { issueTicket } from '../shared/ticket'
import { db } from '../shared/users'

// app/api/onboarding/complete/route.ts: the mutation answers with the proof the session update needs.
export async function POST(req: NextRequest) {
  const token = await getToken({ req })
  if (!token?.sub) return NextResponse.json({ error: 'Sign in first' }, { status: 401 })
  const row = await db.completeOnboarding(token.sub)
  if (!row) return NextResponse.json({ error: 'No such user' }, { status: 404 })
  return NextResponse.json({ user: row, ticket: await issueTicket(row) })
}
