/**
 * Cross-site request refusal (CSRF), as Go 1.25's CrossOriginProtection does it: a state-changing request
 * (POST, PUT, PATCH, DELETE) is refused with 403 `cross_site_request` when the browser says it comes from
 * another site. Browsers say so in `Sec-Fetch-Site` (sent over https and to localhost), and otherwise
 * (plain http on a LAN address, older browsers) in `Origin`, which must then name this server's own host.
 * A request with neither header is not from a browser page (the CLI, tests, another server): it carries
 * no cookie a browser attached on its own, so it passes. The check runs before the body is read, so a
 * cross-site upload is refused before a byte of it is stored.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Why the request is cross-site, or null when it may go on. */
export function crossSiteReason(request: Pick<FastifyRequest, 'method' | 'headers' | 'host'>): string | null {
  if (SAFE_METHODS.has(request.method)) return null;
  const fetchSite = header(request, 'sec-fetch-site');
  if (fetchSite !== undefined) {
    // 'none': the user typed or bookmarked it; 'same-site' is another origin (a sibling subdomain) and is refused.
    return fetchSite === 'same-origin' || fetchSite === 'none' ? null : `Sec-Fetch-Site is ${fetchSite}`;
  }
  const origin = header(request, 'origin');
  if (origin === undefined) return null;
  let host: string;
  try {
    host = new URL(origin).host;
  } catch {
    return `Origin ${origin} is not an origin`;
  }
  // The Host header as the browser sent it, or the forwarded host where TRUST_PROXY believes the proxy.
  const own = new Set([header(request, 'host'), request.host].filter((h): h is string => !!h).map(hostKey));
  return host && own.has(hostKey(host)) ? null : `Origin ${origin} is not this server (${[...own].join(', ')})`;
}

/** A host to compare: lower case, without a default port (an Origin leaves it out, a Host header may not). */
function hostKey(host: string): string {
  return host.toLowerCase().replace(/:(80|443)$/, '');
}

function header(request: Pick<FastifyRequest, 'headers'>, name: string): string | undefined {
  const value = request.headers[name];
  const text = Array.isArray(value) ? value[0] : value;
  return text === undefined ? undefined : text.trim();
}

export function registerCrossSiteCheck(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    const reason = crossSiteReason(request);
    if (!reason) return;
    request.log.info({ reason, url: request.url }, 'cross-site request refused');
    return reply.code(403).send({
      error: 'cross_site_request',
      message: 'This request came from another site and was refused: use Twinspect from its own address.',
    });
  });
}
