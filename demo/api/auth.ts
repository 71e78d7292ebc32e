import NextAuth from 'next-auth'
import { authOptions } from '../auth-options'
import { instrumented } from './instrumented'

export const authHandler = instrumented((req, res) => NextAuth(req, res, authOptions))
