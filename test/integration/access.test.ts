/**
 * Every /api route against every role: a guest gets 401 where a session is needed, a role not admitted
 * gets 403, an admitted role gets through. The table below must list every route the server has.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../../src/domain/roles';
import { createApp, type App } from '../../src/server/app';
import { writeFixturePack } from '../unit/server/fixture-pack';
import { clientOf, signedIn, type Client } from './support/app-client';

type Who = Role | 'guest';
const ALL: readonly Who[] = ['guest', ...ROLES];
const TEACH: Role[] = ['instructor', 'admin'];
const AUTHORS: Role[] = ['author', 'admin'];
const REVIEWERS: Role[] = ['reviewer', 'admin'];
const STUDIO: Role[] = ['author', 'reviewer', 'admin'];
const INSPECT: Role[] = ['examiner', 'admin'];
/** Reading a record is checked per record too (its officer, a supervisor whose accepted grant covers it): others get 404. */
const READ_RECORDS: Role[] = ['examiner', 'admin', 'instructor'];
const newProduct = () => ({ id: `access-${++n}`, name: 'Access test', brand: 'Testbrand', category: 'toy', hsCode: '9503', description: 'For the role test.', cocoClasses: ['teddy bear'] });

let app: App;
const clients = {} as Record<Who, Client>;
let groupId = '';
let liveSessionId = '';
let spareUserId = '';
let n = 0;

/** [method, url template, who gets through ('public' = everyone, guests included), body]. */
const ROUTES: [string, string, 'public' | readonly Role[], () => unknown][] = [
  ['GET', '/api/catalogue', 'public', () => undefined],
  ['GET', '/api/products/:id', 'public', () => undefined],
  ['GET', '/api/products/:id/variants/:variant/model.usdz', 'public', () => undefined],
  ['GET', '/api/auth/me', 'public', () => undefined],
  ['GET', '/api/client-config', 'public', () => undefined],
  ['GET', '/api/offline/manifest', 'public', () => undefined],
  ['POST', '/api/auth/sign-in', 'public', () => ({ email: 'nobody@agency.test', password: 'x' })],
  ['POST', '/api/auth/sign-out', 'public', () => ({})],
  ['POST', '/api/drills', 'public', () => ({ kind: 'verdict' })],
  ['POST', '/api/drills/:id/hint', 'public', () => ({})],
  ['POST', '/api/drills/:id/answer', 'public', () => ({ answer: { kind: 'verdict', verdict: 'genuine', confidence: 0.5 } })],
  ['GET', '/api/drill-items/:token', 'public', () => undefined],
  ['GET', '/api/progress', ROLES, () => undefined],
  ['GET', '/api/groups', TEACH, () => undefined],
  ['POST', '/api/groups', TEACH, () => ({ name: `Group ${++n}` })],
  ['GET', '/api/groups/:id', TEACH, () => undefined],
  ['POST', '/api/groups/:id/members', TEACH, () => ({ email: 'tess@agency.test' })],
  ['DELETE', '/api/groups/:id/members/:userId', TEACH, () => undefined],
  ['GET', '/api/groups/:id/progress', TEACH, () => undefined],
  ['GET', '/api/groups/:id/results.csv', TEACH, () => undefined],
  ['GET', '/api/trainees', TEACH, () => undefined],
  ['GET', '/api/users', ['admin'], () => undefined],
  ['POST', '/api/users', ['admin'], () => ({ email: `new${++n}@agency.test`, role: 'trainee', password: 'long-enough-pw' })],
  ['PATCH', '/api/users/:id', ['admin'], () => ({ role: 'trainee' })],
  ['POST', '/api/users/:id/password-reset', ['admin'], () => ({ method: 'link' })],
  ['POST', '/api/users/:id/deactivate', ['admin'], () => ({})],
  ['POST', '/api/users/:id/activate', ['admin'], () => ({})],
  ['GET', '/api/account', ROLES, () => undefined],
  ['POST', '/api/account/password', ROLES, () => ({ currentPassword: 'not-the-password', newPassword: 'another-long-password' })],
  ['POST', '/api/auth/password-reset', 'public', () => ({ token: 'not-a-token', password: 'another-long-password' })],
  ['GET', '/api/live-sessions', TEACH, () => undefined],
  ['POST', '/api/live-sessions', TEACH, () => ({})],
  ['POST', '/api/live-sessions/join', ROLES, () => ({ code: 'ZZZZZZZZZ' })],
  ['GET', '/api/live-sessions/:id/record', TEACH, () => undefined],
  ['GET', '/api/live-sessions/:id/results.csv', TEACH, () => undefined],
  ['POST', '/api/studio/products', AUTHORS, newProduct],
  ['GET', '/api/studio/products', STUDIO, () => undefined],
  ['GET', '/api/studio/built-in', STUDIO, () => undefined],
  ['GET', '/api/studio/products/:id', STUDIO, () => undefined],
  ['PUT', '/api/studio/products/:id/draft', AUTHORS, () => ({})],
  ['POST', '/api/studio/products/:id/submit', AUTHORS, () => ({})],
  ['GET', '/api/studio/products/:id/diff', STUDIO, () => undefined],
  ['POST', '/api/studio/products/:id/review', REVIEWERS, () => ({ decision: 'publish' })],
  ['POST', '/api/studio/uploads', AUTHORS, () => ({})],
  ['GET', '/api/files/:sha256', 'public', () => undefined],
  ['GET', '/api/studio/export.zip', AUTHORS, () => undefined],
  ['POST', '/api/studio/import', AUTHORS, () => ({})],
  ['GET', '/api/products/by-gtin/:gtin', 'public', () => undefined],
  ['PUT', '/api/inspections/:id', INSPECT, () => ({})],
  ['GET', '/api/inspections', READ_RECORDS, () => undefined],
  ['GET', '/api/inspections/:id', READ_RECORDS, () => undefined],
  ['GET', '/api/inspections/:id/record.json', READ_RECORDS, () => undefined],
  ['GET', '/api/inspections/:id/record.pdf', READ_RECORDS, () => undefined],
  ['PUT', '/api/inspections/:id/photos/:photoId', INSPECT, () => ({})],
  ['GET', '/api/inspections/:id/photos/:photoId', READ_RECORDS, () => undefined],
  ['GET', '/api/supervision', READ_RECORDS, () => undefined],
  ['POST', '/api/supervision', ['admin'], () => ({ examinerId: 'nobody', supervisorId: 'nobody' })],
  ['POST', '/api/supervision/:id/accept', ['examiner'], () => ({})],
  ['POST', '/api/supervision/:id/end', READ_RECORDS, () => ({})],
  ['GET', '/api/record-access-log', INSPECT, () => undefined],
];

const urlOf = (template: string) =>
  template.replace(':userId', spareUserId).replace('/groups/:id', `/groups/${groupId}`).replace('/users/:id', `/users/${spareUserId}`).replace('/live-sessions/:id', `/live-sessions/${liveSessionId}`).replace(':id', 'test-tote').replace(':variant', 'genuine').replace(':token', 'not-a-token').replace(':sha256', 'a'.repeat(64));

beforeAll(async () => {
  const tmp = (name: string) => mkdtemp(join(tmpdir(), `twinspect-${name}-`));
  app = await createApp({ port: 0, host: '127.0.0.1', dataDir: await tmp('data'), databaseUrl: undefined, contentDir: await writeFixturePack(), distDir: await tmp('dist') });
  clients.guest = clientOf(app);
  for (const role of ROLES) clients[role] = await signedIn(app, role === 'trainee' ? 'tess@agency.test' : `${role}@agency.test`, role);
  groupId = (await clients.instructor.request('POST', '/api/groups', { name: 'Owned by the instructor' })).json.id;
  liveSessionId = (await clients.instructor.request('POST', '/api/live-sessions', {})).json.id;
  spareUserId = (await app.users.create({ email: 'spare@agency.test', role: 'trainee', password: 'long-enough-pw' })).id;
});
afterAll(() => app?.close());

describe('who may call each route', () => {
  it('the table covers every /api route the server registered', () => {
    const registered = app.server.routeAccess.map((r) => `${r.method} ${r.url}`).sort();
    expect(ROUTES.map(([m, u]) => `${m} ${u}`).sort()).toEqual(registered);
    for (const r of app.server.routeAccess) {
      const row = ROUTES.find(([m, u]) => m === r.method && u === r.url)!;
      expect(r.access, `${r.method} ${r.url}`).toEqual(row[2] === 'public' ? 'public' : [...row[2]]);
    }
  });

  for (const [method, template, allowed, body] of ROUTES) {
    it(`${method} ${template}`, async () => {
      for (const who of ALL) {
        if (method === 'POST' && template === '/api/auth/sign-out') continue; // would end the shared sessions
        const res = await clients[who].request(method, urlOf(template), body());
        const admitted = allowed === 'public' || (who !== 'guest' && allowed.includes(who));
        // A route may answer 401 for its own reason (a wrong password): the access check's own codes tell it apart.
        const denial = res.json?.error === 'not_signed_in' || res.json?.error === 'forbidden';
        if (admitted) expect(denial, `${who} → ${res.status} ${res.text}`).toBe(false);
        else {
          expect(res.status, `${who}: ${res.text}`).toBe(who === 'guest' ? 401 : 403);
          expect(denial).toBe(true);
        }
      }
    });
  }

  it('refuses to start with a route that declares no access', async () => {
    const Fastify = (await import('fastify')).default;
    const { registerAccessControl } = await import('../../src/server/auth/access');
    const { createSessionStore } = await import('../../src/server/auth/session-store');
    const bare = Fastify();
    registerAccessControl(bare, createSessionStore(app.database.db));
    expect(() => bare.get('/api/forgotten', async () => 'open')).toThrow(/declares no access/);
    await bare.close();
  });
});
