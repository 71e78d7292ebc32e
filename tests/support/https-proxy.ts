// A TLS-terminating proxy on loopback, as a public deployment puts in front of `npm start`: https in, http to the
// server, Host kept and X-Forwarded-Proto: https added. Its certificate is made at test time with openssl.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { createServer, type Server } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'sul-tls-'))
  try {
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
      '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
      '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem'),
    ], { stdio: 'pipe' })
    return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

/** Listens on `port` (127.0.0.1) with TLS and forwards every request to http://127.0.0.1:`targetPort`. */
export async function startHttpsProxy(port: number, targetPort: number) {
  const server: Server = createServer(selfSignedCertificate(), (req, res) => {
    const upstream = request(
      { host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers: { ...req.headers, 'x-forwarded-proto': 'https' } },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(res)
      },
    )
    upstream.on('error', (error) => {
      res.writeHead(502).end(String(error))
    })
    req.pipe(upstream)
  })
  await new Promise<void>((listening) => server.listen(port, '127.0.0.1', listening))
  return { url: `https://localhost:${port}`, close: () => new Promise<void>((done) => server.close(() => done())) }
}
