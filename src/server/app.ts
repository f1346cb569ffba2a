/**
 * Builds the HTTP server: security headers, health, the catalogue API and static files, on a database
 * that is migrated and holds the built-in pack before the first request.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { registerAccessControl } from './auth/access';
import { registerOidcRoutes } from './auth/oidc';
import { createSealer } from './auth/sealing';
import { createAccounts } from './auth/accounts';
import { createResetLinks } from './auth/reset-links';
import { createSessionStore } from './auth/session-store';
import { createSignInThrottle } from './auth/sign-in-throttle';
import { createUserStore, type UserStore } from './auth/user-store';
import type { ServerConfig } from './config';
import type { CatalogueStore } from './db/catalogue-store';
import type { Database } from './db/database';
import { createDrillModels } from './drills/drill-models';
import { createDrillService } from './drills/drill-service';
import { createPartRegions } from './drills/part-regions';
import { createGroupStore } from './groups/group-store';
import { registerAccountRoutes } from './http/account-routes';
import { registerAuthRoutes } from './http/auth-routes';
import { registerCatalogueRoutes } from './http/catalogue-routes';
import { registerCrossSiteCheck } from './http/cross-site';
import { registerDrillRoutes } from './http/drill-routes';
import { registerGroupRoutes } from './http/group-routes';
import { registerLiveRoutes } from './http/live-routes';
import { registerPackRoutes } from './http/pack-routes';
import { registerProgressRoutes } from './http/progress-routes';
import { registerStaticFiles } from './http/static-files';
import { registerErrorHandler } from './http/error-handler';
import { registerStudioRoutes } from './http/studio-routes';
import { registerUploadRoutes } from './http/upload-routes';
import { registerUserRoutes } from './http/user-routes';
import { createLiveDb } from './live/live-db';
import { registerMatchmakeRoutes } from './live/matchmake-routes';
import { endLiveConnectionsOf } from './live/live-room';
import { createRealtime, type Realtime } from './live/realtime';
import { prepare } from './startup';
import { createSurfaceCache } from './studio/draft-files';
import { createFileStore } from './studio/file-store';
import { createStudioService } from './studio/studio-service';
import { createVersionStore } from './studio/version-store';
import { MAX_UPLOAD_BYTES } from './uploads/model-limits';
import { createOutboxSender, type OutboxSender } from './xapi/outbox';
import { liveLog, serverOptions } from './ops/logger';
import { registerReadiness } from './ops/readiness';
import { registerOfflineRoutes } from './http/offline-routes';
import { registerUsdzRoutes } from './http/usdz-routes';
import { registerInspectionRoutes } from './http/inspection-routes';

export interface App {
  server: FastifyInstance;
  database: Database;
  store: CatalogueStore;
  users: UserStore;
  /** Sends xAPI statements to the LRS, when one is configured. */
  outbox: OutboxSender | undefined;
  /** Listens for HTTP and the realtime rooms of live sessions on one port. */
  listen(port: number, host: string): Promise<void>;
  /** Stops taking new work: /readyz answers 503 and new live joins are refused (close() does this first). */
  stopAccepting(): void;
  /** Closes the live rooms (their state saved), stops the HTTP server once in-flight requests end, closes the database. */
  close(): Promise<void>;
}

export interface CreateAppOptions {
  logger?: FastifyServerOptions['logger'];
  warn?: (message: string) => void;
}

/**
 * The Content-Security-Policy: only our own origin, plus what the 3D and camera code needs —
 * blob: workers (text layout, decoders), WebAssembly ('wasm-unsafe-eval': meshopt, tfjs wasm),
 * data:/blob: images and fetches (textures inside GLB files), and WebSockets back to this server.
 */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'", "'wasm-unsafe-eval'", 'blob:'],
  workerSrc: ["'self'", 'blob:'],
  childSrc: ["'self'", 'blob:'],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'", 'data:'],
  styleSrc: ["'self'", "'unsafe-inline'"],
  connectSrc: ["'self'", 'data:', 'blob:', 'ws:', 'wss:'],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'self'"],
  // Examiners reach the server by a LAN address over plain http; upgrading would break every request.
  upgradeInsecureRequests: null,
};

export async function createApp(config: ServerConfig, opts: CreateAppOptions = {}): Promise<App> {
  // Drill item URLs carry a sealed token (a few hundred characters).
  const server = Fastify({ ...serverOptions(opts.logger, config.trustProxy), routerOptions: { maxParamLength: 2000 } });
  // Before any route: a 5xx never shows the client the error's own message (see error-handler.ts).
  registerErrorHandler(server);
  const warn = opts.warn ?? (opts.logger ? (m: string) => server.log.warn(m) : undefined);
  const { database, store } = await prepare({ ...config, warn, info: opts.logger ? (m) => server.log.info(m) : undefined });
  const scanModelUrl = config.scanModelUrl ?? '/models/coco-ssd/model.json';
  // A model served from elsewhere must be let through the CSP, and only that origin.
  const modelOrigin = /^https?:/.test(scanModelUrl) ? new URL(scanModelUrl).origin : undefined;
  const { db } = database;
  const users = createUserStore(db);
  const sessions = createSessionStore(db);
  const liveDb = createLiveDb(db);
  let realtime: Realtime | undefined;
  let shuttingDown = false;
  let drills: ReturnType<typeof createDrillService>;
  const outbox = config.lrs ? createOutboxSender({ database, lrs: config.lrs, log: warn }) : undefined;
  try {
    const sealer = await createSealer(db);
    await server.register(fastifyHelmet, {
      contentSecurityPolicy: {
        useDefaults: true,
        directives: modelOrigin ? { ...CSP_DIRECTIVES, connectSrc: [...CSP_DIRECTIVES.connectSrc, modelOrigin] } : CSP_DIRECTIVES,
      },
      // WebXR, the camera and SharedArrayBuffer-free wasm need no cross-origin isolation.
      crossOriginEmbedderPolicy: false,
    });
    await server.register(fastifyCookie);
    // Before any route and before bodies are read: a state-changing request from another site is refused.
    registerCrossSiteCheck(server);
    // Only routes that ask for it are limited (sign-in counts its failures itself: auth/sign-in-throttle.ts).
    await server.register(fastifyRateLimit, { global: false, hook: 'preHandler' });
    registerAccessControl(server, sessions);
    server.get('/healthz', async () => ({ status: 'ok', database: database.kind }));
    registerReadiness(server, { database, redisUrl: config.redisUrl, shuttingDown: () => shuttingDown });
    // What the client needs of the deployment's settings, and nothing secret.
    server.get('/api/client-config', { config: { access: 'public' } }, async () => ({ scanModelUrl }));
    registerCatalogueRoutes(server, store);
    const throttle = createSignInThrottle(config.signInLimits);
    const devices = await createSealer(db, 'device-seal');
    registerAuthRoutes(server, { users, sessions, oidcEnabled: !!config.oidc, throttle, devices, trustProxy: config.trustProxy });
    if (config.oidc) await registerOidcRoutes(server, { users, sessions, config: config.oidc });
    const xapi = config.lrs && { homePage: config.lrs.accountHomePage, activityBase: config.lrs.activityBase };
    const files = createFileStore(db);
    const drillModels = createDrillModels({ store, contentDir: config.contentDir, files });
    drills = createDrillService({ db, store, sealer, xapi, modelSeed: drillModels.seedFor, regions: createPartRegions({ contentDir: config.contentDir, files }) });
    registerDrillRoutes(server, { drills, sealer, models: drillModels });
    registerOfflineRoutes(server, { db, store, contentDir: config.contentDir, distDir: config.distDir, scanModelUrl });
    registerProgressRoutes(server, { db, store });
    registerGroupRoutes(server, { db, groups: createGroupStore(db), users });
    const accounts = createAccounts({ users, sessions, links: createResetLinks(db), endLive: endLiveConnectionsOf });
    registerAccountRoutes(server, { users, accounts });
    registerUserRoutes(server, { users, accounts });
    registerLiveRoutes(server, { liveDb, store });
    // Joining a live session's room (Colyseus' matchmaker), behind the app's limits and headers.
    registerMatchmakeRoutes(server);
    // The authoring studio: one file per multipart request, its size capped while it streams in.
    await server.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 4, parts: 5 } });
    const versions = createVersionStore(db);
    const usdz = registerUsdzRoutes(server, { db, files, store, contentDir: config.contentDir, log: warn });
    registerStudioRoutes(server, createStudioService({ versions, files, surfaces: createSurfaceCache(files), published: usdz.published }), store);
    registerUploadRoutes(server, { db, files, maxModelBytes: MAX_UPLOAD_BYTES });
    registerPackRoutes(server, { db, files, versions, store, contentDir: config.contentDir });
    registerInspectionRoutes(server, { db, store });
    await registerStaticFiles(server, config);
    await server.ready();
    outbox?.start();
  } catch (err) {
    await server.close().catch(() => {});
    await database.close().catch(() => {});
    throw err;
  }
  let closing: Promise<void> | undefined;
  return {
    server,
    database,
    store,
    users,
    outbox,
    async listen(port, host) {
      // Colyseus listens on the app's own HTTP server; it must be made only once per process.
      realtime ??= createRealtime({
        http: server.server,
        deps: { liveDb, drills, store, sessions, log: liveLog(server, opts), accepting: () => !shuttingDown },
        redisUrl: config.redisUrl,
        publicAddress: config.publicAddress ?? `${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`,
        logger: opts.logger ? server.log : undefined,
      });
      await realtime.listen(port, host);
    },
    stopAccepting() {
      shuttingDown = true;
    },
    close() {
      shuttingDown = true;
      closing ??= (async () => {
        // Rooms first (each saves its session; clients are told to come back): the reverse waits on connected clients.
        await realtime?.close();
        // Then the HTTP server, once the requests in flight are answered; the outbox's rows wait in the database.
        await server.close();
        await outbox?.stop();
        await database.close();
      })();
      return closing;
    },
  };
}
