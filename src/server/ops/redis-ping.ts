/**
 * One PING to Redis on a fresh connection (RESP over TCP, or TLS for rediss://), with AUTH when the
 * URL has credentials: what readiness asks of Redis. The live rooms' own clients (ioredis) queue
 * commands while Redis is away, so asking through them would wait instead of answering.
 */
import { connect as tcp, type Socket } from 'node:net';
import { connect as tls } from 'node:tls';

const command = (...args: string[]) => `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;

/** Resolves when Redis answers PONG; rejects with the reason (refused, timed out, an error reply). */
export function pingRedis(url: string, timeoutMs = 2000): Promise<void> {
  const u = new URL(url);
  const port = Number(u.port || 6379);
  const user = decodeURIComponent(u.username);
  const password = decodeURIComponent(u.password);
  const db = u.pathname.slice(1);
  let request = '';
  if (password) request += user ? command('AUTH', user, password) : command('AUTH', password);
  if (db && db !== '0') request += command('SELECT', db);
  request += command('PING');
  const expected = request.split('*').length - 1;
  return new Promise((resolve, reject) => {
    const socket: Socket = u.protocol === 'rediss:' ? tls({ host: u.hostname, port, servername: u.hostname }) : tcp({ host: u.hostname, port });
    let answer = '';
    const done = (err?: Error) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolve();
    };
    const timer = setTimeout(() => done(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
    socket.once(u.protocol === 'rediss:' ? 'secureConnect' : 'connect', () => socket.write(request));
    socket.on('data', (b: Buffer) => {
      answer += b.toString('utf8');
      const lines = answer.split('\r\n').filter(Boolean);
      const failed = lines.find((l) => l.startsWith('-'));
      if (failed) return done(new Error(failed.slice(1).replace(password || '\0', '***')));
      if (lines.length >= expected) return lines.at(-1) === '+PONG' ? done() : done(new Error(`unexpected answer ${lines.at(-1)}`));
    });
    socket.on('error', (err) => done(err));
    socket.on('close', () => done(new Error('connection closed')));
  });
}
