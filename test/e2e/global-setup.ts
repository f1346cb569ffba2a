/** Starts the real app once for the browser tests (see support/app-server.ts). */
import { existsSync } from 'node:fs';
import type { TestProject } from 'vitest/node';
import { buildApp, startApp } from './support/app-server';
import { CHROMIUM } from './support/browser';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

export default async function setup(project: TestProject) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Browser tests need Chromium at ${CHROMIUM} (apt-get install chromium). They are required, not skipped.`);
  }
  await buildApp();
  const app = await startApp({ accounts: true });
  project.provide('baseUrl', app.baseUrl);
  return () => app.stop();
}
