/**
 * PGlite is one process's database: a second process opening the same folder would corrupt it. A lock
 * file with the owner's pid refuses the second opener with a clear message; a lock left by a process
 * that is gone is taken over.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function lockPglite(folder: string): () => void {
  const file = `${folder}.lock`;
  for (let tries = 0; tries < 2; tries++) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      return () => rmSync(file, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = Number(readFileSync(file, 'utf8').trim());
      if (owner === process.pid || (Number.isInteger(owner) && owner > 0 && alive(owner))) {
        throw new Error(
          `the embedded database in ${folder} is in use by another Twinspect process (pid ${owner}); ` +
            'stop it first (only one process can open it), or use PostgreSQL through DATABASE_URL',
        );
      }
      rmSync(file, { force: true });
    }
  }
  throw new Error(`cannot lock the embedded database in ${folder}`);
}
