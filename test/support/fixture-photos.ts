/**
 * The real photos the tests and benchmarks scan, kept in the repository (test/fixtures/photos, with
 * their sources and licences in the README beside them), so that a fresh clone runs every test.
 */
import { join, resolve } from 'node:path';

export const PHOTOS_DIR = resolve(import.meta.dirname, '..', 'fixtures', 'photos');
export const fixturePhoto = (name: string) => join(PHOTOS_DIR, name);
