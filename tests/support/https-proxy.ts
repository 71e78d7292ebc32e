// A real TLS reverse proxy in front of `npm start`, as a public deployment has one: Debian's nginx, run as our own
// instance (config, prefix, pid, logs and temp dirs in a temp folder; loopback only; never the system service),
// with a certificate made at test time with openssl. It forwards what the README's production sections ask a proxy
// to forward: Host, X-Forwarded-Host, X-Forwarded-Proto https and X-Forwarded-For. Shared by the site's e2e tests
// and tests/starters/production.test.ts (a site test, so it may use the site's harness; starters may not).
import { execFileSync, spawn, type ChildProcess } from 'node:child_process'
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:tls'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export const NGINX = process.env.NGINX_PATH || '/usr/sbin/nginx'
export const hasNginx = existsSync(NGINX)

/** A self-signed certificate for localhost and 127.0.0.1, written as cert.pem and key.pem into `dir`. */
export function selfSignedCertificate(dir: string): { cert: string; key: string } {
  const cert = join(dir, 'cert.pem')
  const key = join(dir, 'key.pem')
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=localhost',
    '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1',
    '-keyout', key, '-out', cert,
  ], { stdio: 'pipe' })
  return { cert, key }
}

function config(dir: string, port: number, targetPort: number, tls: { cert: string; key: string }) {
  // Workers drop to nobody when the master runs as root: the temp dirs they write must be theirs to write.
  const temp = (name: string) => join(dir, 'temp', name)
  return `
worker_processes 1;
pid ${join(dir, 'nginx.pid')};
error_log ${join(dir, 'error.log')} warn;
events { worker_connections 512; }
http {
  access_log ${join(dir, 'access.log')};
  client_body_temp_path ${temp('body')};
  proxy_temp_path ${temp('proxy')};
  fastcgi_temp_path ${temp('fastcgi')};
  uwsgi_temp_path ${temp('uwsgi')};
  scgi_temp_path ${temp('scgi')};
  server {
    listen 127.0.0.1:${port} ssl;
    server_name localhost;
    ssl_certificate ${tls.cert};
    ssl_certificate_key ${tls.key};
    client_max_body_size 1m;
    location / {
      proxy_pass http://127.0.0.1:${targetPort};
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host $http_host;
      proxy_set_header X-Forwarded-Host $http_host;
      proxy_set_header X-Forwarded-Proto https;
      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
      # next-auth and Next set several cookies on one answer; their headers exceed nginx's 4 KB default.
      proxy_buffer_size 32k;
      proxy_buffers 8 32k;
    }
  }
}
`
}

export interface HttpsProxy {
  url: string
  port: number
  /** nginx's access and error logs, for a failing test's message. */
  log(): string
  close(): Promise<void>
}

/** nginx on 127.0.0.1:`port` with TLS, forwarding every request to http://127.0.0.1:`targetPort`. */
export async function startHttpsProxy(port: number, targetPort: number): Promise<HttpsProxy> {
  if (!hasNginx) throw new Error(`No nginx at ${NGINX}: apt-get install -y nginx (or set NGINX_PATH).`)
  const dir = mkdtempSync(join(tmpdir(), 'sul-nginx-'))
  chmodSync(dir, 0o755)
  for (const name of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(dir, 'temp', name), { recursive: true, mode: 0o777 })
  chmodSync(join(dir, 'temp'), 0o777)
  const tls = selfSignedCertificate(dir)
  writeFileSync(join(dir, 'nginx.conf'), config(dir, port, targetPort, tls))
  const args = ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log'), '-g', 'daemon off;']
  const child: ChildProcess = spawn(NGINX, args, { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout?.on('data', (d) => (output += d))
  child.stderr?.on('data', (d) => (output += d))
  const read = (name: string) => (existsSync(join(dir, name)) ? readFileSync(join(dir, name), 'utf8') : '')
  const log = () => `${output}${read('error.log')}${read('access.log')}`
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done))
      child.kill('SIGTERM') // nginx's fast shutdown; the master takes its worker with it
      await exited
    }
    rmSync(dir, { recursive: true, force: true })
  }
  try {
    await waitForTls(port, child, log)
  } catch (error) {
    await close()
    throw error
  }
  return { url: `https://localhost:${port}`, port, log, close }
}

async function waitForTls(port: number, child: ChildProcess, log: () => string) {
  const deadline = Date.now() + 10_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`nginx exited (${child.exitCode}):\n${log()}`)
    const ok = await new Promise<boolean>((done) => {
      const socket = connect({ host: '127.0.0.1', port, servername: 'localhost', rejectUnauthorized: false }, () => {
        socket.end()
        done(true)
      })
      socket.once('error', () => done(false))
    })
    if (ok) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`nginx did not listen on ${port} within 10 s:\n${log()}`)
}
