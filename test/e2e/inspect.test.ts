/**
 * The inspection assistant in a real browser: an examiner scans a real photo with a fake camera,
 * chooses Inspect on the match, marks every check (one by keyboard), attaches a real photo, writes
 * notes and exports the record (the PDF's text read with pdftotext, the JSON's fields); another
 * examiner cannot open it. Offline: a record made with no connection is sent once when it returns,
 * and reloading sends nothing twice. Takes the README's two inspection screenshots.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { type Browser, type Page } from 'playwright-core';
import { OFFICER_DECISION_STATEMENT, type InspectionRecord, type TellMark } from '../../src/domain/inspection';
import { ACCOUNTS, root } from './support/app-server';
import { launchBrowser, openPage, waitFrames } from './support/browser';
import { launchWithCamera } from './support/fake-camera';
import { apiAs, signIn } from './support/session';
import { fixturePhoto } from '../support/fixture-photos';

const baseUrl = inject('baseUrl');
const BEAR = fixturePhoto('IBM-MAX-Object-Detector_baby-bear.jpg');
const havePhotos = existsSync(BEAR);
const SHOTS = join(root, 'test/e2e/screenshots');
const LOAD = 150_000;
const TEST = 420_000;
const flat = (s: string) => s.replace(/\s+/g, ' ').trim();

let dir: string;
let camBrowser: Browser;
let browser: Browser;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'twinspect-inspect-'));
  browser = await launchBrowser();
  if (!havePhotos) return;
  camBrowser = await launchWithCamera(BEAR, dir);
}, 60_000);

afterAll(async () => {
  await camBrowser?.close();
  await browser?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const cards = (page: Page) => page.getByRole('list', { name: 'Checklist' }).locator(':scope > li');
const saveState = (page: Page) => page.getByTestId('save-state');
const recordIdOf = (page: Page) => new URL(page.url()).searchParams.get('record')!;

/** Marks card i with a click on its radio. */
async function mark(page: Page, i: number, m: TellMark) {
  const name = { consistent: 'Consistent with genuine', inconsistent: 'Inconsistent', not_checked: 'Not checked' }[m];
  await cards(page).nth(i).getByRole('radio', { name, exact: true }).check();
}

describe.skipIf(!havePhotos)('Inspection assistant', () => {
  it('scans the item, marks every check, attaches a photo, exports the record; another examiner cannot open it', async () => {
    const { page, external, errors } = await openPage(camBrowser, `${baseUrl}/`, { width: 1400, height: 860 });
    page.setDefaultTimeout(LOAD);
    await signIn(page, ACCOUNTS.examiner);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Inspect' }).click();
    await page.getByRole('heading', { name: 'Inspection assistant' }).waitFor();
    expect(await page.getByText(OFFICER_DECISION_STATEMENT).count()).toBe(1);

    // A mistyped barcode: the server's words. Then scanning with the fake camera.
    await page.getByLabel('Or type the barcode (GTIN)').fill('2002700010371');
    await page.getByRole('button', { name: 'Find' }).click();
    await page.getByRole('alert').filter({ hasText: /check digit/ }).waitFor();
    await page.getByRole('button', { name: 'Scan the item' }).click();
    await page.getByRole('heading', { name: 'Scan an item' }).waitFor();
    await page.getByRole('button', { name: 'Use the camera' }).click();
    await page.getByRole('button', { name: 'Inspect Bramble Bear' }).click({ timeout: LOAD });

    await cards(page).first().waitFor();
    expect(page.url()).toContain('page=inspect');
    expect(page.url()).toContain('product=bramble-bear');
    const id = recordIdOf(page);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const n = await cards(page).count();
    expect(n).toBeGreaterThanOrEqual(3);
    await page.getByRole('heading', { name: 'Confirm with the rights holder' }).waitFor();
    expect(await page.getByText('verify@brambleworth.example').count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Export PDF' }).isDisabled()).toBe(true);

    // Check 1 by keyboard: Space chooses the focused radio, the arrow moves to the next choice.
    const first = cards(page).first();
    await first.getByRole('radio', { name: 'Consistent with genuine' }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => first.getByRole('radio', { name: 'Inconsistent', exact: true }).isChecked()).toBe(true);
    expect(await first.getAttribute('class')).toContain('selected');
    const want: TellMark[] = ['inconsistent'];
    for (let i = 1; i < n; i++) {
      const m: TellMark = i % 2 === 1 ? 'consistent' : 'not_checked';
      await mark(page, i, m);
      want.push(m);
    }
    const count = (m: TellMark) => want.filter((x) => x === m).length;
    const tallyText = `${count('consistent')} consistent · ${count('inconsistent')} inconsistent · ${count('not_checked')} not checked`;
    await page.getByTestId('tally').filter({ hasText: tallyText }).waitFor();

    await first.getByLabel('Note').fill('The brass button is missing from the left ear.');
    await page.getByLabel('Case or shipment reference').fill('CASE-2026-0042');
    await page.getByLabel('General notes').fill('Shipment of 40 bears; one carton opened.');
    await first.getByLabel('Photo caption').fill('Left ear, no button');
    await first.getByLabel('Add photo to check 1').setInputFiles(BEAR);
    await first.locator('.photo-thumb img').waitFor();
    await saveState(page).filter({ hasText: /^Synced$/ }).waitFor({ timeout: 60_000 });
    expect(await first.getByText('sent').count()).toBeGreaterThanOrEqual(1);

    await page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: LOAD });
    await cards(page).nth(1).getByRole('button').first().click();
    await waitFrames(page, 20);
    await page.locator('.inspect-panel').evaluate((el) => el.scrollTo(0, 0));
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(SHOTS, 'inspect-checklist.png') });

    // Exports: the links the page offers, fetched with the examiner's session.
    const pdfHref = await page.getByRole('link', { name: 'Export PDF' }).getAttribute('href');
    const jsonHref = await page.getByRole('link', { name: 'Export JSON' }).getAttribute('href');
    const pdf = await page.request.get(`${baseUrl}${pdfHref}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-disposition']).toMatch(/attachment/);
    const pdfFile = join(dir, 'record.pdf');
    writeFileSync(pdfFile, await pdf.body());
    const text = flat(execFileSync('pdftotext', ['-enc', 'UTF-8', pdfFile, '-']).toString('utf8'));
    expect(text).toContain('Bramble Bear');
    expect(text).toContain('CASE-2026-0042');
    expect(text).toContain(flat(OFFICER_DECISION_STATEMENT));
    expect(text).toContain(`Consistent with genuine: ${count('consistent')}`);
    expect(text).toContain(`Inconsistent with genuine: ${count('inconsistent')}`);
    expect(text).toContain(`Not checked: ${count('not_checked')}`);
    expect(text).toContain('The brass button is missing from the left ear.');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', '-singlefile', pdfFile, join(SHOTS, 'inspect-record')]);

    const json = await page.request.get(`${baseUrl}${jsonHref}`);
    expect(json.status()).toBe(200);
    const file = (await json.json()) as { statement: string; record: InspectionRecord; product: { verification: { organisation: string; email?: string } | null }; checks: { key: string; mark: TellMark; note: string }[] };
    expect(file.statement).toBe(OFFICER_DECISION_STATEMENT);
    expect(file.record.id).toBe(id);
    expect(file.record.reference).toBe('CASE-2026-0042');
    expect(file.checks.map((c) => c.mark)).toEqual(want);
    expect(file.checks[0]!.note).toBe('The brass button is missing from the left ear.');
    expect(file.record.photos).toHaveLength(1);
    expect(file.record.photos[0]).toMatchObject({ check: file.checks[0]!.key, caption: 'Left ear, no button', locationKept: false });
    expect(file.product.verification).toMatchObject({ organisation: expect.stringContaining('Brambleworth'), email: 'verify@brambleworth.example' });

    // Another examiner: no such record for them.
    const ezra = await apiAs(baseUrl, ACCOUNTS.examiner2);
    expect((await ezra.get(`/api/inspections/${id}`)).status).toBe(404);
    expect((await ezra.get(pdfHref!)).status).toBe(404);
    expect(external).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, TEST);
});

describe('Inspection assistant offline', () => {
  it('keeps a record made with no connection on the device and sends it once when the connection returns', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(LOAD);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(baseUrl);
    await signIn(page, ACCOUNTS.examiner);
    await page.goto(`${baseUrl}/?page=inspect&product=bramble-bear`);
    await cards(page).first().waitFor();
    const id = recordIdOf(page);
    const n = await cards(page).count();
    // An already-loaded page: the genuine model is on the stage before the connection goes.
    await page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: LOAD });

    await context.setOffline(true);
    await page.getByLabel('Case or shipment reference').fill('OFFLINE-7');
    const want: TellMark[] = [];
    for (let i = 0; i < n; i++) {
      const m: TellMark = i === 0 ? 'inconsistent' : 'consistent';
      await mark(page, i, m);
      want.push(m);
    }
    await saveState(page).filter({ hasText: 'Saved on this device — will sync when online' }).waitFor({ timeout: 30_000 });
    expect(await page.getByRole('button', { name: 'Export PDF' }).isDisabled()).toBe(true);

    const back = Date.now();
    await context.setOffline(false);
    await saveState(page).filter({ hasText: /^Synced$/ }).waitFor({ timeout: 60_000 });
    console.log(`[inspect] offline record synced ${Date.now() - back} ms after the connection returned`);

    const erin = await apiAs(baseUrl, ACCOUNTS.examiner);
    const mine = async () => ((await erin.get<{ id: string; reference: string }[]>('/api/inspections')).body).filter((r) => r.reference === 'OFFLINE-7');
    expect((await mine()).map((r) => r.id)).toEqual([id]);
    const stored = (await erin.get<InspectionRecord>(`/api/inspections/${id}`)).body;
    expect(stored.marks.map((m) => m.mark)).toEqual(want);

    // Reloading: the device's copy comes back, nothing is sent twice; an edit updates the same record.
    await page.reload();
    await cards(page).first().waitFor();
    await expect.poll(() => cards(page).first().getByRole('radio', { name: 'Inconsistent', exact: true }).isChecked()).toBe(true);
    await page.getByLabel('General notes').fill('Sent again after a reload.');
    await expect.poll(async () => (await erin.get<InspectionRecord>(`/api/inspections/${id}`)).body.notes, { timeout: 60_000 }).toBe('Sent again after a reload.');
    await saveState(page).filter({ hasText: /^Synced$/ }).waitFor({ timeout: 60_000 });
    expect((await mine()).map((r) => r.id)).toEqual([id]);
    expect(errors).toEqual([]);
    await context.close();
  }, TEST);
});

describe('Studio: barcode and verification contact', () => {
  it("an author sets the product's GTIN and contact; the server's refusals show at their fields", async () => {
    const { page, errors } = await openPage(browser, `${baseUrl}/?page=sign-in`);
    await signIn(page, ACCOUNTS.author);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Studio' }).click();
    const form = page.getByRole('region', { name: 'New product' });
    await form.getByLabel('Name').fill('Inspect Contact Test');
    await form.getByLabel('Brand').fill('Brambleworth');
    await form.getByLabel('Category').selectOption('toy');
    await form.getByLabel('HS code').fill('9503.00');
    await form.getByLabel('Description').fill('A plush bear for the contact fields.');
    await form.getByLabel('Camera classes (comma-separated)').fill('teddy bear');
    await form.getByRole('button', { name: 'Create product' }).click();
    await page.getByRole('heading', { name: 'Inspect Contact Test' }).waitFor();

    const contact = page.getByRole('region', { name: 'Barcode and verification' });
    const gtin = contact.getByLabel('GTIN (barcode number)');
    await gtin.fill('4006381333932');
    await gtin.press('Tab');
    await contact.getByRole('alert').filter({ hasText: 'check digit (the last digit should be 1)' }).waitFor();
    await gtin.fill('4006381333931');
    await gtin.press('Tab');
    await contact.getByLabel('Verification contact: organisation').fill('Brambleworth Brand Protection');
    await contact.getByLabel('Email').fill('not an address');
    await contact.getByLabel('Email').press('Tab');
    await contact.getByRole('alert').filter({ hasText: 'e-mail address' }).waitFor();
    expect(await contact.getByRole('alert').count()).toBe(1);
    await contact.getByLabel('Email').fill('verify@brambleworth.example');
    await contact.getByLabel('Email').press('Tab');
    await expect.poll(() => contact.getByRole('alert').count(), { timeout: 30_000 }).toBe(0);

    const author = await apiAs(baseUrl, ACCOUNTS.author);
    await expect
      .poll(async () => {
        const listed = (await author.get<{ productId: string; name: unknown }[]>('/api/studio/products')).body;
        const mine = listed.find((p) => JSON.stringify(p.name).includes('Inspect Contact Test'));
        if (!mine) return null;
        const rec = (await author.get<{ latest: { document: { gtin?: string; verification?: unknown } } }>(`/api/studio/products/${mine.productId}`)).body;
        return { gtin: rec.latest.document.gtin, verification: rec.latest.document.verification };
      }, { timeout: 30_000 })
      .toEqual({ gtin: '4006381333931', verification: { organisation: 'Brambleworth Brand Protection', email: 'verify@brambleworth.example' } });
    expect(errors).toEqual([]);
    await page.close();
  }, TEST);
});
