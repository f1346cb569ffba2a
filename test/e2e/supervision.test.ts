/**
 * Supervision of inspection records in a real browser: the admin proposes on the Users page that an
 * instructor reads an examiner's records; the examiner sees who proposed it for whom on the Inspect
 * page and accepts; the instructor reads a record made after; the examiner's access log names that
 * read by person and record (no ids); the examiner ends it; the admin's log shows it all. Accounts of
 * this file's own, so that what the log holds is exactly this file's.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { ACCOUNTS, PASSWORD } from './support/app-server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { addAccount, apiAs, signIn, type ApiClient } from './support/session';

const baseUrl = inject('baseUrl');
const run = Math.random().toString(36).slice(2, 8);
const EVA = { email: `eva-${run}@agency.test`, name: `Eva Examiner ${run}` };
const SAM = { email: `sam-${run}@agency.test`, name: `Sam Supervisor ${run}` };
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

let browser: Browser;
let eva: ApiClient;
let sam: ApiClient;
let admin: WatchedPage;
let examiner: WatchedPage;

beforeAll(async () => {
  const ada = await apiAs(baseUrl, ACCOUNTS.admin);
  for (const [who, role] of [[EVA, 'examiner'], [SAM, 'instructor']] as const) await addAccount(ada, baseUrl, who, role);
  [eva, sam] = [await apiAs(baseUrl, EVA), await apiAs(baseUrl, SAM)];
  browser = await launchBrowser();
  admin = await openPage(browser, baseUrl, { width: 1280, height: 900 });
  examiner = await openPage(browser, baseUrl, { width: 1280, height: 900 });
}, 90_000);
afterAll(() => browser?.close());

/** A record of bramble-bear made now through the API, as the device sends it. */
async function makeRecord(reference: string): Promise<string> {
  const version = (await eva.get<{ version: string }>('/api/products/bramble-bear')).body.version;
  const id = crypto.randomUUID();
  const now = new Date().toISOString();
  const res = await eva.call('PUT', `/api/inspections/${id}`, { id, productId: 'bramble-bear', contentVersion: version, reference, startedAt: now, updatedAt: now, marks: [], notes: '' });
  expect(res.status).toBe(201);
  return id;
}

describe('supervision of inspection records', () => {
  it('the admin proposes a supervisor on the Users page', async () => {
    const { page } = admin;
    await signIn(page, ACCOUNTS.admin);
    const section = page.getByRole('region', { name: 'Supervision of inspection records' });
    await section.getByLabel('Examiner', { exact: true }).selectOption({ label: `${EVA.name} (${EVA.email})` });
    // The admin is never offered as a supervisor.
    const offered = await section.getByLabel('Supervisor (instructor or examiner)').locator('option').allTextContents();
    expect(offered.some((o) => o.includes(ACCOUNTS.admin.email))).toBe(false);
    await section.getByLabel('Supervisor (instructor or examiner)').selectOption({ label: `${SAM.name} (${SAM.email})` });
    await section.getByRole('button', { name: 'Propose' }).click();
    await section.getByRole('status').filter({ hasText: 'Proposed' }).waitFor();
    expect(await section.getByRole('row', { name: new RegExp(SAM.email) }).textContent()).toContain('waiting for an answer');
  }, 180_000);

  it('the examiner sees who proposed it for whom, and accepts; nothing made before is readable', async () => {
    const before = await makeRecord('CASE-BEFORE');
    const { page } = examiner;
    await signIn(page, EVA);
    await page.goto(`${baseUrl}/?page=inspect`);
    const mine = page.getByRole('region', { name: 'Who can read my records' });
    await mine.getByText(`Ada Admin (${ACCOUNTS.admin.email}) proposes that ${SAM.name} (${SAM.email}) may read`).waitFor();
    await mine.getByRole('button', { name: `Accept that ${SAM.name} (${SAM.email}) reads your new records` }).click();
    await mine.getByText(`${SAM.name} (${SAM.email}) may read the records you make since`).waitFor();
    expect((await sam.get(`/api/inspections/${before}`)).status).toBe(404);
  }, 180_000);

  it("the supervisor's reads are in the examiner's access log, by name and record, with no ids", async () => {
    const during = await makeRecord('CASE-DURING');
    expect((await sam.get(`/api/inspections/${during}`)).status).toBe(200);
    expect((await sam.get(`/api/inspections/${during}/record.pdf`)).status).toBe(200);
    const { page, errors, external } = examiner;
    await page.reload();
    const log = page.getByRole('region', { name: 'Access log' });
    const read = log.getByRole('row').filter({ hasText: 'Opened the record' });
    await read.first().waitFor();
    expect(await read.first().textContent()).toContain(`${SAM.name} (${SAM.email})`);
    expect(await read.first().textContent()).toContain('CASE-DURING');
    await log.getByRole('row').filter({ hasText: 'Exported the record (PDF)' }).first().waitFor();
    expect(await log.textContent()).not.toMatch(UUID);

    await page.getByRole('button', { name: `End supervision by ${SAM.name} (${SAM.email})` }).click();
    await page.getByRole('region', { name: 'Who can read my records' }).getByText(`${SAM.name} (${SAM.email}): ended.`).waitFor();
    expect((await sam.get(`/api/inspections/${await makeRecord('CASE-AFTER')}`)).status).toBe(404);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  }, 180_000);

  it("the admin's log shows every step and read, with whose records each concerns", async () => {
    const { page, errors, external } = admin;
    await page.reload();
    const log = page.getByRole('region', { name: 'Access log' });
    const rows = log.getByRole('row').filter({ hasText: EVA.email });
    await rows.filter({ hasText: 'Ended the reading by' }).first().waitFor();
    const text = (await rows.allTextContents()).join('\n');
    for (const what of ['Proposed that', 'Accepted that', 'Opened the record', 'Exported the record (PDF)', 'Ended the reading by']) expect(text).toContain(what);
    expect(await log.textContent()).not.toMatch(UUID);
    expect(errors).toEqual([]);
    expect(external).toEqual([]);
  }, 180_000);
});
