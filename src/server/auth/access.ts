/**
 * Every /api route says who may call it in its config (`access`), and one hook enforces it: no session
 * → 401, a role not listed → 403, a temporary password not yet changed → 403 (password_change_required)
 * but on the few routes that serve the change. A route registered without `access` stops the server at
 * start-up, so no route can forget its check.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role, SessionUser } from '../../domain/roles';
import { SESSION_COOKIE, type SessionStore } from './session-store';

/** 'public': anyone, guests included (the session is read when there is one). Otherwise the roles admitted. */
export type Access = 'public' | readonly Role[];

export interface RouteAccess {
  method: string;
  url: string;
  access: Access;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with who may call it: the role tests walk this list, so no route escapes them. */
    routeAccess: RouteAccess[];
  }
  interface FastifyContextConfig {
    access?: Access;
    /** The route serves a session whose temporary password must be changed first (who am I, change it). */
    duringPasswordChange?: true;
  }
  interface FastifyRequest {
    user?: SessionUser;
  }
}

export function sessionToken(request: FastifyRequest): string | undefined {
  return request.cookies[SESSION_COOKIE];
}

/** The signed-in user of a route whose access is a role list (the hook has already checked it). */
export function userOf(request: FastifyRequest): SessionUser {
  if (!request.user) throw new Error(`${request.routeOptions.url} read the user but admits guests`);
  return request.user;
}

export function registerAccessControl(app: FastifyInstance, sessions: SessionStore): void {
  app.decorateRequest('user', undefined);
  const table: RouteAccess[] = [];
  app.decorate('routeAccess', table);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/')) return;
    const access = route.config?.access;
    if (access === undefined) throw new Error(`route ${route.method} ${route.url} declares no access (config.access)`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') table.push({ method, url: route.url, access });
  });
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    const access = request.routeOptions.config?.access;
    if (access === undefined) return;
    request.user = await sessions.user(sessionToken(request));
    // A temporary password must be changed before anything else: until then the session is a guest's.
    if (request.user?.mustChangePassword && !request.routeOptions.config?.duringPasswordChange) {
      if (access === 'public') {
        request.user = undefined;
        return;
      }
      return reply.code(403).send({ error: 'password_change_required', message: 'Choose a new password before anything else.' });
    }
    if (access === 'public') return;
    if (!request.user) {
      return reply.code(401).send({ error: 'not_signed_in', message: 'Sign in to do this.' });
    }
    if (!access.includes(request.user.role)) {
      return reply.code(403).send({
        error: 'forbidden',
        message: `Your role (${request.user.role}) may not do this; it needs: ${access.join(', ')}.`,
      });
    }
  });
}
