import type { NextRequest } from 'next/server'
import { handlers } from '~/server/auth'
import { publicRequest } from '~/server/auth/public-request'

// The template's `export const { GET, POST } = handlers`, with the public origin where the host is trusted.
export const GET = (req: NextRequest) => handlers.GET(publicRequest(req))
export const POST = (req: NextRequest) => handlers.POST(publicRequest(req))
