/**
 * The studio's README pictures (called by screenshots.ts): the author's editor with three tells
 * placed by clicking, and the reviewer's view with what changed.
 */
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ACCOUNTS, root } from './support/app-server';
import { openPage, waitFrames } from './support/browser';
import { apiAs, signIn } from './support/session';
import { finishDraft, placeTellsByClicking, tellItems, uploadModel } from './support/studio';

const viewport = { width: 1400, height: 820 };

export async function takeStudioScreenshots(browser: Browser, baseUrl: string, out: string, product = 'halvard-meridian-diver'): Promise<void> {
  const aude = await apiAs(baseUrl, ACCOUNTS.author);
  const created = await aude.post<{ productId: string }>('/api/studio/products', {
    name: 'Meridian Diver 300 (studio)',
    brand: 'Halvard',
    category: 'watch',
    hsCode: '9102.11',
    description: 'A diver\'s watch: the genuine and one counterfeit seized at the airport.',
    cocoClasses: ['clock'],
  });
  if (created.status !== 201) throw new Error(`creating the product answered ${created.status}`);
  const id = created.body.productId;

  const { page: author } = await openPage(browser, `${baseUrl}/?page=sign-in`, viewport);
  await signIn(author, ACCOUNTS.author);
  await author.goto(`${baseUrl}/?page=studio&product=${id}`);
  const variants = author.getByRole('region', { name: 'Variants' });
  for (const [file, kind] of [['genuine.glb', 'Genuine'], ['counterfeit-a.glb', 'Counterfeit A']] as const) {
    await uploadModel(author, join(root, 'content/products', product, 'models', file));
    await variants.getByRole('button', { name: new RegExp(kind) }).waitFor();
  }
  await placeTellsByClicking(author, 3);
  const tellForm = author.getByRole('region', { name: 'Tell', exact: true });
  await finishDraft(author, ['Lume pip off centre', 'Crown guard too thin', 'Bezel pip misaligned']);
  await tellItems(author).nth(2).getByRole('button').click();
  await tellForm.getByLabel('Title').waitFor();
  await waitFrames(author, 10);
  await author.screenshot({ path: join(out, 'studio-editor.png') });
  await author.getByRole('button', { name: 'Send for review' }).click();
  await author.getByText('Sent for review.').waitFor();
  await author.close();

  const { page: reviewer } = await openPage(browser, `${baseUrl}/?page=sign-in`, viewport);
  await signIn(reviewer, ACCOUNTS.reviewer);
  await reviewer.goto(`${baseUrl}/?page=studio&product=${id}`);
  const review = reviewer.getByRole('region', { name: 'Review', exact: true });
  await review.getByRole('list', { name: 'Changes' }).getByRole('listitem').first().waitFor();
  await review.getByLabel('Comment to the author').fill('Tell 2 sits on the crown guard, not the crown: move it before I publish.');
  await reviewer.waitForFunction(() => (window.__twinspect?.stats.pickBox[2] ?? 0) > 10, null, { timeout: 90_000 });
  await waitFrames(reviewer, 10);
  await reviewer.screenshot({ path: join(out, 'studio-review.png') });
  await reviewer.close();
}
