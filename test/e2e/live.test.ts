/**
 * Shared live sessions in real browsers against the real server: an instructor at a desktop starts a
 * session; a trainee joins with its code in an emulated Meta Quest 3 (iwer) in AR, places the pair
 * on the office table, sees the product the instructor picks, answers with the 3D panel and the
 * controller's trigger, and sees their score once revealed, which the instructor's leaderboard
 * shows too. Nothing the trainee's page receives before the reveal (WebSocket frames, HTTP bodies)
 * holds the key. Then at desktops: a trainee whose network drops, and who reloads, is back in the
 * session with their answer within seconds, saying it is reconnecting meanwhile; a removed trainee
 * is told so and cannot rejoin; the instructor opens the session's record and its CSV (a round
 * column first). Before the first round both sides see a waiting panel, not the examiner's tools; the
 * round header names the product in the reader's language; the instructor who ends the session is
 * pointed to its record rather than thanked for taking part.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { ACCOUNTS } from './support/app-server';
import { launchBrowser, openPage, type WatchedPage } from './support/browser';
import { networkProxy } from './support/network-proxy';
import { signIn } from './support/session';
import { EMULATE_QUEST3, enter, pullTriggerAt, remote, stats, waitXrFrames, XR_TEST_TIMEOUT, XR_VIEWPORT } from './support/xr';
import type { LiveTestHook } from '../../src/app/live/test-hook';
import { textIn, type LocalText } from '../../src/domain/local-text';

const baseUrl = inject('baseUrl');
let browser: Browser;
let products: { id: string; name: string; es: string }[];

/** The office_small capture's table top (see xr.test.ts), and a point on it clear of the monitor. */
const TABLE_Y = 0.748;
const ON_TABLE = { x: 0.1, y: TABLE_Y, z: -0.45 };

beforeAll(async () => {
  browser = await launchBrowser();
  // Names as the English interface shows them (the catalogue also carries Spanish and French).
  products = ((await (await fetch(`${baseUrl}/api/catalogue`)).json()) as { id: string; name: LocalText }[]).map((p) => ({ id: p.id, name: textIn(p.name, 'en'), es: textIn(p.name, 'es') }));
  expect(products.length, 'two products to move the class between').toBeGreaterThanOrEqual(2);
});
afterAll(() => browser?.close());

const hook = (page: Page): Promise<LiveTestHook> => page.evaluate(() => JSON.parse(JSON.stringify((window.__twinspect as unknown as { live: LiveTestHook }).live)) as LiveTestHook);
/** Waits until the page's live test hook passes `test` (checked from here: the page's CSP forbids evaluating strings). */
async function waitHook(page: Page, test: (live: LiveTestHook) => boolean, what: string, timeout = 90_000): Promise<LiveTestHook> {
  const until = Date.now() + timeout;
  let live: LiveTestHook | null = null;
  for (;;) {
    live = await page.evaluate(() => JSON.parse(JSON.stringify((window.__twinspect as unknown as { live?: LiveTestHook }).live ?? null)) as LiveTestHook | null);
    if (live && test(live)) return live;
    if (Date.now() > until) throw new Error(`timed out after ${timeout} ms waiting for ${what}; the page's live hook: ${JSON.stringify(live)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The instructor starts a session from the Live page; returns its join code as shown. */
async function startSession(page: Page, title: string, productName: string): Promise<string> {
  await page.goto(`${baseUrl}/?page=live`);
  await page.getByRole('heading', { level: 2, name: 'Start a session' }).waitFor();
  await page.getByLabel('Title').fill(title);
  await page.getByLabel('First product').selectOption({ label: productName });
  await page.getByLabel('Drill', { exact: true }).selectOption({ label: 'Spot the fake' });
  await page.getByRole('button', { name: 'Start the session' }).click();
  const code = (await page.getByTestId('join-code').textContent())!;
  expect(code).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
  await waitHook(page, (live) => live.status === 'connected' && live.role === 'instructor' && live.phase === 'lobby', 'the instructor in the lobby');
  return code;
}

/** A trainee opens the join link (the code is filled in) and joins. */
async function join(page: Page, code: string, extra = '', origin = baseUrl): Promise<void> {
  await page.goto(`${origin}/?page=live&code=${code.replace(/-/g, '')}${extra}`);
  expect(await page.getByLabel('Session code').inputValue(), 'the join link fills in the code').toBe(code);
  await page.getByRole('button', { name: 'Join', exact: true }).click();
  await waitHook(page, (live) => live.status === 'connected' && live.role === 'trainee', 'the trainee in the session');
}

async function phase(instructor: Page, trainee: Page, button: string, to: string): Promise<void> {
  await instructor.getByRole('group', { name: 'Phase' }).getByRole('button', { name: button, exact: true }).click();
  await waitHook(instructor, (live) => live.phase === to, `the instructor's page in ${to}`);
  await waitHook(trainee, (live) => live.phase === to, `the trainee's page in ${to}`);
}

/** Points the right controller at a button of the trainee's XR answer panel and pulls the trigger. */
async function pressXr(page: Page, name: string): Promise<void> {
  await waitHook(page, (live) => live.scene.xrButtons.names.includes(name), `the XR button "${name}"`);
  const { scene } = await hook(page);
  await pullTriggerAt(page, scene.xrButtons.positions[scene.xrButtons.names.indexOf(name)]!);
  await waitXrFrames(page, 2);
}

/** What the page receives from now on: WebSocket frames and HTTP bodies, as latin1 text. */
function recordReceived(page: Page): string[] {
  const received: string[] = [];
  page.on('websocket', (ws) => ws.on('framereceived', ({ payload }) => received.push(typeof payload === 'string' ? payload : payload.toString('latin1'))));
  page.on('response', async (res) => {
    if (!new URL(res.url()).pathname.startsWith('/api/')) return;
    received.push((await res.body().catch(() => Buffer.alloc(0))).toString('latin1'));
  });
  return received;
}

describe('a live session with a trainee in a headset', () => {
  it('runs a round: the trainee in AR sees the product the instructor picks, answers on the 3D panel, and both see the score', async () => {
    const [first, second] = products as [(typeof products)[number], (typeof products)[number]];
    const ines = await openPage(browser, `${baseUrl}/?page=sign-in`);
    await signIn(ines.page, ACCOUNTS.instructor);
    const code = await startSession(ines.page, 'Border post 3, morning', first.name);

    // The trainee's page loads under the Quest 3 emulator, and every byte it receives is kept.
    const tess = await openPage(browser, `${baseUrl}/?page=sign-in`, XR_VIEWPORT);
    await signIn(tess.page, ACCOUNTS.trainee);
    const received = recordReceived(tess.page);
    await join(tess.page, code, EMULATE_QUEST3);
    await ines.page.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).first().waitFor();

    await phase(ines.page, tess.page, 'Inspect', 'inspect');
    await waitHook(tess.page, (live) => live.round === 1 && live.scene.drawn !== null && live.productId === first.id, 'round 1 drawn', 120_000);
    const firstQuestion = (await hook(tess.page)).scene.drawn;

    await enter(tess.page, 'AR');
    await remote(tess.page, 'look_at', { device: 'headset', target: ON_TABLE });
    await remote(tess.page, 'set_transform', { device: 'controller-right', position: { x: 0.2, y: 1.25, z: -0.15 } });
    await remote(tess.page, 'look_at', { device: 'controller-right', target: ON_TABLE });
    await tess.page.waitForFunction(() => window.__twinspect!.stats.reticleAt !== null, null, { timeout: 60_000 });
    // A press can fall between two slow SwiftShader XR frames on a loaded machine: press again, as an examiner would.
    for (let attempt = 1; !(await stats(tess.page)).placed; attempt++) {
      await waitXrFrames(tess.page, 2);
      await remote(tess.page, 'select', { device: 'controller-right', duration: 0.8 });
      await tess.page.waitForFunction(() => window.__twinspect!.stats.placed, null, { timeout: 20_000 }).catch((e) => {
        if (attempt === 5) throw e;
      });
    }
    // The instructor's roster says where the trainee is, and the stage shows her head and both controllers.
    await expect.poll(() => ines.page.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).first().textContent(), { timeout: 30_000 }).toContain('Headset (AR)');
    await waitHook(ines.page, (live) => live.scene.heads >= 1 && live.scene.hands === 2, "the trainee's head and controllers on the instructor's stage", 30_000);

    // The instructor picks another product: the trainee's headset shows it, as a new round.
    await ines.page.getByLabel('Product').selectOption({ label: second.name });
    await waitHook(tess.page, (live) => live.round === 2 && live.productId === second.id && live.scene.drawn !== null && live.scene.drawn !== firstQuestion, 'the second product drawn in the headset', 120_000);
    expect((await stats(tess.page)).xrMode, 'still in AR').toBe('immersive-ar');

    // Answers open: the trainee says B is the counterfeit on the 3D panel, and sends it.
    await phase(ines.page, tess.page, 'Answer', 'answer');
    await pressXr(tess.page, 'B is fake');
    await waitHook(tess.page, (live) => live.scene.xrButtons.pressed[1] === true, '"B is fake" chosen', 30_000);
    await pressXr(tess.page, 'Send answer');
    await waitHook(tess.page, (live) => live.answered, 'the answer acknowledged', 30_000);
    await expect.poll(() => ines.page.getByTestId('answered-count').textContent(), { timeout: 30_000 }).toBe('1 of 1 answered');
    expect(await ines.page.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).first().textContent()).toContain('✓ Answered');

    const beforeReveal = [...received];
    await phase(ines.page, tess.page, 'Reveal', 'reveal');
    await waitHook(tess.page, (live) => live.score !== null && live.reveal !== null, 'her result and the reveal', 30_000);
    const after = await hook(tess.page);
    const fake = after.reveal!.revealed.find((r) => r.kind === 'counterfeit')!;
    const right = fake.label === 'B';
    expect(right ? after.score! > 0 : after.score === 0, `her own marked answer came at the reveal: ${after.score}`).toBe(true);
    expect(after.scene.xrLine).toMatch(right ? /^Right/ : /^Wrong/);

    // Nothing received before the reveal named the counterfeit or its tells.
    const secrets = [...after.reveal!.revealed.filter((r) => r.kind === 'counterfeit').map((r) => r.variantId), ...after.reveal!.tells.flatMap((t) => [t.id, textIn(t.title, 'en')])];
    expect(secrets.length).toBeGreaterThan(1);
    expect(beforeReveal.length, 'state patches, models and messages were received').toBeGreaterThan(10);
    for (const body of beforeReveal) for (const secret of secrets) expect(body, `received before the reveal: ${secret}`).not.toContain(secret);
    // The same reading does find what the frames carry: the session's title before, the key after the reveal.
    expect(beforeReveal.some((b) => b.includes('Border post 3, morning')), 'state frames read as text').toBe(true);
    await expect.poll(() => received.slice(beforeReveal.length).some((b) => secrets.some((x) => b.includes(x))), { timeout: 10_000 }).toBe(true);

    // The instructor's leaderboard has her score.
    const board = ines.page.getByRole('table', { name: 'Leaderboard' });
    const row = board.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) });
    await expect.poll(() => row.getByRole('cell').last().textContent(), { timeout: 30_000 }).toBe(right ? '1 / 1' : '0 / 1');
    const points = Number(await row.getByRole('cell').nth(1).textContent());
    expect(right ? points > 0 : points === 0, `points ${points} for a ${right ? 'right' : 'wrong'} answer`).toBe(true);

    // A tell spotlighted by the instructor is ringed in the trainee's headset.
    const tell = after.reveal!.tells[0]!;
    await ines.page.getByRole('button', { name: textIn(tell.title, 'en') }).click();
    await waitHook(tess.page, (live) => live.scene.spotlight === tell.id, 'the spotlighted tell', 30_000);

    // "Follow me": the instructor turns the models with the arrow keys; the trainee's pair turns too.
    await ines.page.getByRole('button', { name: 'Follow me' }).click();
    await waitHook(tess.page, (live) => live.follow, '"Follow me" on', 30_000);
    await ines.page.locator('canvas').first().click({ position: { x: 5, y: 5 } });
    await ines.page.keyboard.press('ArrowRight');
    await ines.page.keyboard.press('ArrowRight');
    const target = (await waitHook(ines.page, (live) => Math.abs(live.scene.rotation[1]) > 0.2, 'the instructor turned the pair about the vertical', 30_000)).scene.rotation;
    await tess.page.waitForFunction(
      (t) => {
        const r = (window.__twinspect as unknown as { live: LiveTestHook }).live.scene.rotation;
        return Math.abs(r[0] * t[0] + r[1] * t[1] + r[2] * t[2] + r[3] * t[3]) > 0.999;
      },
      target,
      { timeout: 60_000 },
    );

    expect(tess.external).toEqual([]);
    expect(ines.external).toEqual([]);
    expect(tess.errors).toEqual([]);
    expect(ines.errors).toEqual([]);
    await tess.page.close();
    await ines.page.close();
  }, XR_TEST_TIMEOUT * 2);
});

describe('trainees at desktops', () => {
  let ines: WatchedPage;
  let tess: WatchedPage;
  let code: string;
  let proxy: Awaited<ReturnType<typeof networkProxy>>;
  afterAll(() => proxy?.close());

  it('drops off the network and reloads mid-round, and is back with the answer each time', async () => {
    // A product whose Spanish name differs from its English one, to see the round header follow the language.
    const product = products.find((p) => p.es !== p.name) ?? products[0]!;
    ines = await openPage(browser, `${baseUrl}/?page=sign-in`);
    await signIn(ines.page, ACCOUNTS.instructor);
    code = await startSession(ines.page, 'Afternoon class', product.name);
    // The trainee's page reaches the app through a proxy that the test can cut.
    proxy = await networkProxy(new URL(baseUrl));
    tess = await openPage(browser, `${proxy.origin}/?page=sign-in`);
    await signIn(tess.page, ACCOUNTS.trainee);
    await join(tess.page, code, '', proxy.origin);

    // Before the first round both sides see what comes next instead of an empty stage, and no examiner's tools.
    for (const [page, words] of [[ines.page, /No round yet/], [tess.page, /Waiting for the instructor/]] as const) {
      expect(await page.getByTestId('live-waiting').textContent()).toMatch(words);
      expect(await page.getByRole('toolbar').getByRole('button', { name: /Loupe|Ruler|UV lamp/ }).count()).toBe(0);
    }
    expect(await tess.page.getByTestId('live-phase').textContent()).toBe('Waiting for the instructor to start.');
    await phase(ines.page, tess.page, 'Inspect', 'inspect');
    await tess.page.getByTestId('live-waiting').waitFor({ state: 'detached' });
    await tess.page.getByRole('toolbar').getByRole('button', { name: 'Loupe' }).waitFor();
    expect(await tess.page.getByTestId('live-phase').textContent()).toBe('Inspect the items. The instructor opens the answers next.');
    // The round header names the product in the reader's language.
    const header = tess.page.getByTestId('live-round-product');
    expect(await header.textContent()).toContain(product.name);
    await tess.page.locator('.language-picker').selectOption('es');
    await expect.poll(() => header.textContent()).toContain(product.es);
    expect(await tess.page.getByTestId('live-phase').textContent()).toBe('Examine los artículos. Después, el instructor abre las respuestas.');
    await tess.page.locator('.language-picker').selectOption('en');
    await expect.poll(() => header.textContent()).toContain(product.name);
    await phase(ines.page, tess.page, 'Answer', 'answer');
    await tess.page.getByLabel('A is the counterfeit').check();
    await tess.page.getByRole('button', { name: 'Send answer' }).click();
    await tess.page.getByTestId('live-answer-sent').filter({ hasText: 'Answer sent' }).waitFor();

    // The network drops for three seconds: the page says it is reconnecting, and is back soon after.
    const banner = tess.page.getByTestId('live-connection');
    proxy.drop();
    await expect.poll(() => banner.textContent(), { timeout: 10_000, interval: 50 }).toMatch(/^Reconnecting…/);
    expect(await banner.getAttribute('role')).toBe('status');
    await expect.poll(() => ines.page.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).first().textContent(), { timeout: 15_000 }).toContain('Reconnecting…');
    await new Promise((r) => setTimeout(r, 3000));
    const restored = Date.now();
    proxy.restore();
    await waitHook(tess.page, (live) => live.status === 'connected' && live.answered, 'back, with the answer', 15_000);
    expect(Date.now() - restored, 'back within seconds (the backoff waits at most 4 s)').toBeLessThan(10_000);
    expect(await banner.textContent()).toBe('');
    await tess.page.getByTestId('live-answer-sent').filter({ hasText: 'Answer sent' }).waitFor();
    await expect.poll(() => ines.page.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).first().textContent(), { timeout: 15_000 }).toContain('Here');

    // A reload rejoins at once, with the answer she gave.
    const reloaded = Date.now();
    await tess.page.reload();
    await waitHook(tess.page, (live) => live.status === 'connected' && live.phase === 'answer' && live.answered, 'rejoined after the reload, with the answer', 30_000);
    expect(Date.now() - reloaded).toBeLessThan(30_000);
    await tess.page.getByTestId('live-answer-sent').filter({ hasText: 'Answer sent' }).waitFor();
    expect(await tess.page.getByLabel('A is the counterfeit').isChecked(), 'her answer is shown as she gave it').toBe(true);
    expect(await ines.page.getByTestId('answered-count').textContent()).toBe('1 of 1 answered');
  }, 240_000);

  it('removes a trainee, who is told so and cannot join again; the record lists her and her answer, and exports as CSV', async () => {
    await ines.page.getByRole('button', { name: `Remove ${ACCOUNTS.trainee.name}` }).click();
    await ines.page.getByRole('button', { name: `Confirm removing ${ACCOUNTS.trainee.name}` }).click();
    await tess.page.getByRole('heading', { name: 'Removed from the session' }).waitFor({ timeout: 30_000 });
    expect(await tess.page.getByRole('alert').first().textContent()).toMatch(/removed/i);
    expect((await hook(tess.page)).status).toBe('removed');
    await expect.poll(() => ines.page.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).count(), { timeout: 15_000 }).toBe(0);

    // A reload does not rejoin, and the code no longer lets her in.
    await tess.page.reload();
    await tess.page.getByLabel('Session code').fill(code);
    await tess.page.getByRole('button', { name: 'Join', exact: true }).click();
    expect(await tess.page.getByRole('alert').textContent({ timeout: 30_000 })).toBe('You were removed from this session.');

    // The instructor ends the session and opens its record.
    await ines.page.getByRole('group', { name: 'Phase' }).getByRole('button', { name: 'End session' }).click();
    await ines.page.getByRole('heading', { name: 'The session has ended' }).waitFor();
    // The instructor led the session: pointed to its record, not thanked for taking part.
    const lead = await ines.page.getByTestId('live-stopped-lead').textContent();
    expect(lead).toMatch(/record/);
    expect(lead).not.toMatch(/taking part/);
    await ines.page.getByRole('link', { name: 'Open the record' }).click();
    await ines.page.getByRole('heading', { level: 1, name: 'Afternoon class' }).waitFor();
    const people = ines.page.getByRole('table', { name: /Who took part/ });
    const her = people.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) });
    expect(await her.textContent()).toContain(ACCOUNTS.trainee.email);
    expect(await her.textContent()).toContain('Removed');
    const answers = ines.page.getByRole('table', { name: /^Round 1:/ });
    expect(await answers.getByRole('row', { name: new RegExp(ACCOUNTS.trainee.name) }).textContent()).toContain('A is the counterfeit');

    const href = await ines.page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    const csv = await ines.page.request.get(new URL(href!, baseUrl).href);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/text\/csv/);
    const text = await csv.text();
    expect(text.split('\n').length, 'a header and her answer').toBeGreaterThanOrEqual(2);
    expect(text).toContain(ACCOUNTS.trainee.email);
    const [head, row] = text.split('\r\n');
    expect(head!.startsWith('round,trainee,'), head).toBe(true);
    expect(row!.startsWith(`1,${ACCOUNTS.trainee.name},`), row).toBe(true);

    expect(tess.errors).toEqual([]);
    expect(ines.errors).toEqual([]);
    expect(tess.external).toEqual([]);
    await tess.page.close();
    await ines.page.close();
  }, 180_000);
});
