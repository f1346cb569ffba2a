/**
 * npm run screenshots: the README's pictures, taken from the real app in Chromium.
 * Writes test/e2e/screenshots/*.png.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ACCOUNTS, buildApp, root, startApp } from './support/app-server';
import { launchBrowser, openPage, waitFrames } from './support/browser';
import { apiAs, signIn } from './support/session';
import { enter, remote, waitXrFrames } from './support/xr';
import { takeStudioScreenshots } from './studio-screenshots';
import { fixturePhoto } from '../support/fixture-photos';

const out = join(root, 'test/e2e/screenshots');
mkdirSync(out, { recursive: true });
const product = process.argv[2] ?? 'halvard-meridian-diver';

await buildApp();
const app = await startApp({ accounts: true });
const browser = await launchBrowser();
try {
  // Scan: a real photo (from test/fixtures/photos) recognised on the device, boxes and the matching product.
  const photo = fixturePhoto('IBM-MAX-Object-Detector_baby-bear.jpg');
  const { page: scan } = await openPage(browser, `${app.baseUrl}/?page=scan`, { width: 1400, height: 820 });
  await scan.getByRole('heading', { name: 'Scan an item' }).waitFor();
  await scan.locator('input[type=file]').setInputFiles(photo);
  await scan.waitForFunction(() => (window.__twinspect?.scan?.results ?? 0) >= 1, null, { timeout: 240_000 });
  await scan.waitForTimeout(500);
  await scan.screenshot({ path: join(out, 'scan.png') });
  await scan.close();

  const { page: catalogue } = await openPage(browser, app.baseUrl, { width: 1280, height: 800 });
  await catalogue.getByRole('list', { name: 'Catalogue' }).waitFor();
  await catalogue.screenshot({ path: join(out, 'catalogue.png') });

  const { page } = await openPage(browser, `${app.baseUrl}/?product=${product}`, { width: 1400, height: 820 });
  await page.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 120_000 });
  await page.getByRole('button', { name: 'Show tells', exact: true }).click();
  await page.getByRole('list', { name: 'Tells' }).getByRole('button').first().click();
  await waitFrames(page, 30);
  await page.screenshot({ path: join(out, 'desktop-stage.png') });

  await page.getByRole('button', { name: 'UV lamp', exact: true }).click();
  await page.getByRole('button', { name: 'Loupe', exact: true }).click();
  const box = (await page.locator('canvas').boundingBox())!;
  await page.mouse.move(box.x + box.width * 0.27, box.y + box.height * 0.5);
  await waitFrames(page, 5);
  await page.screenshot({ path: join(out, 'desktop-tools.png') });

  // The same comparison in a browser set to Spanish: interface and catalogue texts in Spanish.
  const { page: spanish } = await openPage(browser, `${app.baseUrl}/?product=${product}`, { width: 1400, height: 820 }, { locale: 'es-ES' });
  await spanish.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 120_000 });
  await spanish.getByRole('button', { name: 'Mostrar indicios', exact: true }).click();
  await spanish.getByRole('list', { name: 'Indicios' }).getByRole('button').first().click();
  await waitFrames(spanish, 30);
  await spanish.screenshot({ path: join(out, 'spanish-compare.png') });
  await spanish.close();

  // The trainee: a spread of answered drills for the progress page, then a drill and its result.
  const tess = await apiAs(app.baseUrl, ACCOUNTS.trainee);
  const pick = (i: number) => (i % 3 === 0 ? 'A' : 'B') as 'A' | 'B';
  for (let i = 0; i < 14; i++) {
    const confidence = [0.6, 0.75, 0.9, 1][i % 4]!;
    if (i % 3 === 0) await tess.answerDrill('spot-the-fake', { kind: 'spot-the-fake', counterfeit: pick(i), confidence });
    else if (i % 3 === 1) await tess.answerDrill('verdict', { kind: 'verdict', verdict: i % 2 ? 'counterfeit' : 'genuine', confidence });
    else await tess.answerDrill('find-the-tells', { kind: 'find-the-tells', pins: [{ position: [0, 0.05 * (i % 4), 0.02] }] });
  }
  const { page: trainee } = await openPage(browser, `${app.baseUrl}/?page=sign-in`, { width: 1400, height: 820 });
  await signIn(trainee, ACCOUNTS.trainee);
  await trainee.goto(`${app.baseUrl}/?page=drill&product=${product}&kind=spot-the-fake`);
  await trainee.getByRole('button', { name: 'Submit' }).waitFor();
  await trainee.waitForFunction(() => (window.__twinspect?.stats.pairFrameAt ?? 0) > 0, null, { timeout: 120_000 });
  await trainee.getByLabel('B is the counterfeit').check();
  await waitFrames(trainee, 10);
  await trainee.screenshot({ path: join(out, 'drill-question.png') });
  await trainee.getByRole('button', { name: 'Submit' }).click();
  await trainee.getByTestId('drill-verdict').waitFor();
  await waitFrames(trainee, 20);
  await trainee.screenshot({ path: join(out, 'drill-result.png') });
  await trainee.goto(`${app.baseUrl}/?page=progress`);
  await trainee.getByRole('figure').first().waitFor();
  await trainee.waitForTimeout(1500);
  await trainee.screenshot({ path: join(out, 'progress.png'), fullPage: true });

  // The instructor: a group with the trainee in it, and its progress.
  const ines = await apiAs(app.baseUrl, ACCOUNTS.instructor);
  const group = (await ines.post('/api/groups', { name: 'Border post 3 — spring cohort' })).body as { id: string };
  await ines.post(`/api/groups/${group.id}/members`, { email: ACCOUNTS.trainee.email });
  const { page: instructor } = await openPage(browser, `${app.baseUrl}/?page=sign-in`, { width: 1400, height: 900 });
  await signIn(instructor, ACCOUNTS.instructor);
  await instructor.goto(`${app.baseUrl}/?page=groups&group=${group.id}`);
  await instructor.getByRole('figure').first().waitFor();
  await instructor.waitForTimeout(1500);
  await instructor.screenshot({ path: join(out, 'group.png') });

  // A live session: the instructor's view with a trainee present, in an (emulated) Quest 3 in VR,
  // her head, both controllers and her pointer drawn where she is around the pair.
  await instructor.goto(`${app.baseUrl}/?page=live`);
  await instructor.getByLabel('Title').fill('Border post 3 — morning briefing');
  await instructor.getByLabel('First product').selectOption(product);
  await instructor.getByRole('button', { name: 'Start the session' }).click();
  const code = (await instructor.getByTestId('join-code').textContent())!;
  const { page: headset } = await openPage(browser, `${app.baseUrl}/?page=sign-in`, { width: 1000, height: 700 });
  await signIn(headset, ACCOUNTS.trainee);
  await headset.goto(`${app.baseUrl}/?page=live&code=${code.replace(/-/g, '')}&emulate=quest3`);
  await headset.getByRole('button', { name: 'Join', exact: true }).click();
  await instructor.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).first().waitFor();
  await instructor.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'Inspect', exact: true }).click();
  await headset.waitForFunction(() => !!(window.__twinspect as { live?: { scene: { drawn: string | null } } } | undefined)?.live?.scene.drawn, null, { timeout: 120_000 });
  await enter(headset, 'VR');
  await headset.waitForFunction(() => window.__twinspect!.stats.placed, null, { timeout: 30_000 });
  // She leans over the table, right of the pair, and points at item B.
  await remote(headset, 'set_transform', { device: 'headset', position: { x: 0.05, y: 0.9, z: -0.42 } });
  await remote(headset, 'look_at', { device: 'headset', target: { x: 0.02, y: 0.79, z: -0.62 } });
  await remote(headset, 'set_transform', { device: 'controller-right', position: { x: 0.06, y: 0.82, z: -0.49 } });
  await remote(headset, 'look_at', { device: 'controller-right', target: { x: 0.03, y: 0.78, z: -0.62 } });
  await remote(headset, 'set_transform', { device: 'controller-left', position: { x: -0.03, y: 0.81, z: -0.5 } });
  await waitXrFrames(headset, 5);
  await instructor.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'Answer', exact: true }).click();
  await instructor.waitForFunction(() => ((window.__twinspect as { live?: { scene: { heads: number } } } | undefined)?.live?.scene.heads ?? 0) >= 1, null, { timeout: 60_000 });
  await waitFrames(instructor, 20);
  await instructor.screenshot({ path: join(out, 'live-instructor.png') });
  await headset.close();

  // The admin: the accounts.
  const { page: admin } = await openPage(browser, `${app.baseUrl}/?page=sign-in`, { width: 1400, height: 820 });
  await signIn(admin, ACCOUNTS.admin);
  await admin.goto(`${app.baseUrl}/?page=users`);
  await admin.getByRole('table').first().waitFor();
  await admin.screenshot({ path: join(out, 'users.png') });

  // The studio: the author's editor with tells placed, and the reviewer's view of the changes.
  await takeStudioScreenshots(browser, app.baseUrl, out, product);
  console.log(`screenshots written to ${out}`);
} finally {
  await browser.close();
  await app.stop();
}
