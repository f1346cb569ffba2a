/** vite.config.ts loads without vite's warning that it would not load under `configLoader: 'native'`. */
import { createLogger, loadConfigFromFile } from 'vite';
import { describe, expect, it } from 'vitest';

describe('vite.config.ts', () => {
  it('loads without warnings (no extensionless imports, no __dirname)', async () => {
    const warnings: string[] = [];
    const logger = createLogger('warn');
    logger.warn = logger.warnOnce = (message) => void warnings.push(message);
    const loaded = await loadConfigFromFile({ command: 'build', mode: 'production' }, undefined, `${import.meta.dirname}/../../..`, 'warn', logger);
    expect(loaded?.config.plugins?.length).toBeGreaterThan(0);
    expect(warnings).toEqual([]);
  }, 120_000);
});
