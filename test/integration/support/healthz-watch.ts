/** /healthz asked over and over while a request runs: to show the server answers during a model check. */
import type { App } from '../../../src/server/app';

export interface Watched<T> {
  result: T;
  /** Status of each /healthz answered while the request ran (one is always sent with it). */
  healthz: number[];
}

export async function whileAnswering<T>(app: App, request: Promise<T>): Promise<Watched<T>> {
  let done = false;
  const settled = request.finally(() => (done = true));
  const healthz: number[] = [];
  const ask = async () => healthz.push((await app.server.inject({ method: 'GET', url: '/healthz' })).statusCode);
  await ask();
  while (!done) {
    await Promise.race([settled.catch(() => {}), new Promise((resolve) => setTimeout(resolve, 25))]);
    if (!done) await ask();
  }
  return { result: await request, healthz };
}
