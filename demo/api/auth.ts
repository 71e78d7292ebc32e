import NextAuth from 'next-auth'
import { authOptions } from '../auth-options'
import { holdForTest } from '../test-hooks'
import { instrumented } from './instrumented'

export const authHandler = instrumented(async (req, res) => {
  await holdForTest(req)
  return NextAuth(req, res, authOptions)
})
