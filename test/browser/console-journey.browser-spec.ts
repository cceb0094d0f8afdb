/**
 * The whole policy clicked through in Debian's chromium by its people, in Traditional Chinese
 * (SPEC §13, issue 15): E101 applies for 5,000 CNY of compensation, S01 reviews, M01 approves, X01
 * gives final approval seeing why it reached them, M02 issues the notice with copies, E101 reads,
 * prints (A4) and acknowledges it, and the CRM's check then answers allowed; a change with the old
 * terms in force meanwhile; a revocation; compliance finds it in the timeline, asks who could issue
 * compensation at a past instant and verifies an export in the browser. Every page is checked with
 * axe-core and photographed in both languages under .local/screenshots.
 */
import { jest } from '@jest/globals';
import { availableParallelism, loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { HOOK_TIMEOUT_MS, PAGE_TOUR_TIMEOUT_MS, WAIT_BOUND_MS } from '../support/timeouts.js';
import { launchChromium, launchFreshBrowser, type RunningBrowser } from './support/browser.js';
import { type ConsoleApp, startConsoleApp } from './support/console-app.js';
import { htmlLang, type Language, type PersonPage, screenshot, seriousAccessibilityFindings, signIn } from './support/pages.js';

jest.setTimeout(HOOK_TIMEOUT_MS);

let app: ConsoleApp;
let chromium: RunningBrowser;
const pages: PersonPage[] = [];
const visited = new Map<string, string>();
let authorizationId = '';
let acknowledgedAt = '';

const person = async (employeeId: string, language: Language = 'zh-Hant'): Promise<Page> => {
  const signedIn = await signIn(chromium.browser, app.url, employeeId, language);
  pages.push(signedIn);
  return signedIn.page;
};

/** Visits a page of the console: waits for its heading, checks it with axe-core, remembers it for the screenshots. */
async function look(page: Page, name: string, path: string | null, heading: string | RegExp): Promise<void> {
  if (path !== null) await page.goto(`${app.url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: WAIT_BOUND_MS });
  visited.set(name, new URL(page.url()).pathname);
  expect({ page: name, findings: await seriousAccessibilityFindings(page) }).toEqual({ page: name, findings: [] });
}

async function check(amount: number, channel = 'phone'): Promise<{ allowed: boolean; reason: string }> {
  const token = await app.serviceToken('svc:crm', 'checks:read');
  const answer = await fetch(`${app.url}/v1/checks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    // The CRM acts on the answer: the decision is recorded and counts in the KPIs.
    body: JSON.stringify({ employeeId: 'E101', authority: 'compensation.issue', context: { amount, channel }, record: true }),
  });
  expect(answer.status).toBe(200);
  return (await answer.json()) as { allowed: boolean; reason: string };
}

/** An API command as `who` (a token minted with the dev secret), for what the test only needs done. */
async function api(who: string, path: string, body: unknown): Promise<Record<string, unknown>> {
  const token = await app.serviceToken(who, '');
  const answer = await fetch(`${app.url}${path}`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const json = (await answer.json()) as Record<string, unknown>;
  if (!answer.ok) throw new Error(`${path}: ${answer.status} ${JSON.stringify(json)}`);
  return json;
}

/**
 * Installed before the console's own scripts: the instant (performance.now(), from the navigation's
 * start) of the first frame in which a worklist card is on the page, and of the first task the main
 * thread runs after it — when a click would be handled.
 */
const WATCH_INTERACTIVE = `(() => {
  const tick = () => {
    if (document.querySelector('article[aria-label]') === null) return requestAnimationFrame(tick);
    const rendered = performance.now();
    setTimeout(() => { window.__worklistInteractive = { rendered, responding: performance.now() }; }, 0);
  };
  requestAnimationFrame(tick);
})()`;

/** The worklist task of this authorization (the page polls: it appears without a reload). */
const task = (page: Page, kind: string) => page.getByRole('article', { name: new RegExp(`^${kind} · `) });

async function decide(employeeId: string, kind: string, button: string, opinion: string, expectWhy?: RegExp): Promise<void> {
  const page = await person(employeeId);
  await look(page, 'worklist', '/worklist', '待辦事項');
  const card = task(page, kind);
  await card.waitFor({ timeout: WAIT_BOUND_MS });
  if (expectWhy) await card.getByText(expectWhy).waitFor();
  await card.getByLabel('簽署意見').fill(opinion);
  await card.getByRole('button', { name: button }).click();
  await card.waitFor({ state: 'detached', timeout: WAIT_BOUND_MS });
  await page.close();
}

/** M02 issues the notice with the catalogue's copies, offered by department name and checked. */
async function issueNotice(copies: readonly string[]): Promise<void> {
  const page = await person('M02');
  await page.goto(`${app.url}/worklist`);
  const card = task(page, '發出通知書');
  await card.waitFor({ timeout: WAIT_BOUND_MS });
  for (const department of copies) expect([department, await card.getByRole('checkbox', { name: department, exact: true }).isChecked({ timeout: WAIT_BOUND_MS })]).toEqual([department, true]);
  await card.getByRole('button', { name: '發出通知書' }).click();
  await card.waitFor({ state: 'detached', timeout: WAIT_BOUND_MS });
  await page.close();
}

async function acknowledge(page: Page): Promise<void> {
  await page.goto(`${app.url}/worklist`);
  const card = task(page, '簽收通知書');
  await card.waitFor({ timeout: WAIT_BOUND_MS });
  await card.getByRole('link', { name: '閱讀並簽收通知書' }).click();
  await look(page, 'notice', null, /授權通知書/);
  await page.getByRole('button', { name: '我已閱讀並簽收' }).click();
  await page.getByText(/簽收$/).first().waitFor({ timeout: WAIT_BOUND_MS });
}

const isoIn = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  app = await startConsoleApp();
  chromium = await launchChromium({ locale: 'zh-TW' });
});

afterAll(async () => {
  await chromium?.close();
  await app?.close();
});

describe('the console, in Traditional Chinese', () => {
  it('shows the demo sign-in in zh-Hant for a zh-TW browser, <html lang> matching, whatever Accept asks for /', async () => {
    const page = await chromium.browser.newPage();
    await page.goto(`${app.url}/`);
    await page.getByRole('heading', { level: 1, name: /登入/ }).waitFor();
    expect(await htmlLang(page)).toBe('zh-Hant');
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    visited.set('signin', '/signin');
    const html = await fetch(`${app.url}/`, { headers: { accept: 'application/json' } });
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    const deep = await fetch(`${app.url}/authorizations/anything`, { headers: { accept: '*/*' } });
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    await page.close();
  });

  it('E101 applies for 5,000 CNY of compensation with the form built from the catalogue, which says an executive will decide', async () => {
    const page = await person('E101');
    await look(page, 'mine', '/', '我的授權');
    await look(page, 'apply', '/apply', '授權申請表');
    await page.getByLabel('授權事項').fill('發放客戶補償');
    await page.keyboard.press('Enter');
    await page.getByLabel('金額上限（人民幣）').fill('5000');
    await page.getByLabel('電話').check();
    await page.getByLabel('到期日').fill(`${isoIn(90)} 00:00:00`);
    await page.keyboard.press('Enter');
    await page.getByLabel('申請理由').fill('延遲配送的客戶補償');
    await page.getByText('需要公司高層最終審批：maxAmount 5000 > 2000').waitFor();
    await page.getByText('最長有效期 180 天').waitFor();
    await page.getByRole('button', { name: '提交申請' }).click();
    await page.waitForURL(/\/authorizations\/[^/]+$/, { timeout: WAIT_BOUND_MS });
    authorizationId = new URL(page.url()).pathname.split('/').pop()!;
    await look(page, 'authorization', null, /發放客戶補償/);
    await page.getByText('待初審').first().waitFor();
    await page.close();
  });

  it('S01 reviews, M01 approves, X01 gives final approval seeing why it reached them', async () => {
    await decide('S01', '初審', '初審通過', '符合班組慣例');
    await decide('M01', '審批', '核准', '同意');
    await decide('X01', '最終審批', '核准', '同意，金額合理', /maxAmount 5000 > 2000/);
  });

  it('M02 issues the notice with the catalogue’s copies; E101 reads it, prints it on A4 and acknowledges it; the CRM is then allowed', async () => {
    await issueNotice(['財務部', '品質管理部']);
    expect((await check(800)).allowed).toBe(false);
    const page = await person('E101');
    await acknowledge(page);
    const notice = page.getByRole('article');
    for (const text of ['通知書編號', '發放客戶補償 / Issue goodwill compensation', '李美華 Li Mei-hua (M02)', '財務部 Finance、品質管理部 Quality Assurance', '黃小玲 Huang Hsiao-ling 於']) await notice.getByText(text, { exact: false }).first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
    await page.emulateMedia({ media: 'screen' });
    const mediaBox = /\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
    expect(mediaBox).not.toBeNull();
    // A4 is 210 × 297 mm = 595.3 × 841.9 pt.
    expect(Math.abs(Number(mediaBox![1]) - 595.3)).toBeLessThan(2);
    expect(Math.abs(Number(mediaBox![2]) - 841.9)).toBeLessThan(2);
    // The point-in-time question is asked to the second: a moment safely after the acknowledgement.
    acknowledgedAt = new Date(Date.now() + 2000).toISOString();
    await expect(check(800)).resolves.toMatchObject({ allowed: true, reason: 'GRANT' });
    await page.close();
  });

  it('E101 asks to lower the limit to 1,500 CNY; the old 5,000 stays in force until the change is acknowledged', async () => {
    const page = await person('E101');
    await look(page, 'change', `/authorizations/${authorizationId}/change`, '授權變更申請表');
    await page.getByLabel('金額上限（人民幣）').fill('1500');
    await page.getByLabel('申請理由').fill('調整為較低上限');
    await page.getByRole('button', { name: '提交變更申請' }).click();
    await page.waitForURL(new RegExp(`/authorizations/${authorizationId}$`), { timeout: WAIT_BOUND_MS });
    await page.getByText('變更申請中（原條款在變更簽收前持續有效）').waitFor();
    await page.close();
    await decide('S01', '初審', '初審通過', '可');
    await expect(check(4000)).resolves.toMatchObject({ allowed: true });
    await decide('M01', '審批', '核准', '同意變更');
    await issueNotice(['財務部']);
    await expect(check(4000)).resolves.toMatchObject({ allowed: true });
    const again = await person('E101');
    await acknowledge(again);
    await again.close();
    await expect(check(4000)).resolves.toMatchObject({ allowed: false, reason: 'OUT_OF_SCOPE' });
    await expect(check(1200)).resolves.toMatchObject({ allowed: true });
  });

  it('S01 revokes the grant with a reason; the CRM is refused', async () => {
    const page = await person('S01');
    await look(page, 'team', '/team', '團隊授權');
    await page.getByRole('link', { name: '發放客戶補償' }).first().click();
    await page.getByRole('button', { name: '撤銷授權' }).click();
    await page.getByLabel('撤銷理由').fill('不再需要');
    await page.getByRole('button', { name: '確定' }).click();
    await page.getByText('已撤銷').first().waitFor({ timeout: WAIT_BOUND_MS });
    await page.close();
    await expect(check(1200)).resolves.toMatchObject({ allowed: false, reason: 'REVOKED' });
  });

  it('M01 sees the period’s KPIs with a chart: E101’s recorded checks and in-scope accuracy', async () => {
    const page = await person('M01');
    await look(page, 'kpis', '/supervision', '考核指標');
    await page.getByRole('img', { name: '各員工職權內作業準確率與客戶滿意度' }).waitFor({ timeout: WAIT_BOUND_MS });
    await page.getByRole('row').filter({ hasText: 'E101' }).first().waitFor();
    await page.close();
  });

  it('C01 finds it all in the audit timeline, asks who could issue compensation at a past instant, and verifies an export in the browser', async () => {
    const page = await person('C01');
    await look(page, 'audit', '/audit', '稽核軌跡');
    await page.getByLabel('授權編號').fill(authorizationId);
    await page.getByRole('button', { name: '查詢' }).click();
    for (const type of ['AuthorizationApplied', 'ExecutiveApproved', 'NoticeIssued', 'NoticeAcknowledged', 'ChangeApplied', 'AuthorizationRevoked']) await page.getByText(type, { exact: true }).first().waitFor({ timeout: WAIT_BOUND_MS });

    await look(page, 'point-in-time', '/point-in-time', '時點查詢');
    await page.getByLabel('職權').fill('compensation.issue');
    await page.getByLabel('時點').first().fill(acknowledgedAt.replace('T', ' ').slice(0, 19));
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: '查詢' }).first().click();
    await page.getByText(/時的持有人$/).waitFor({ timeout: WAIT_BOUND_MS });
    await page.getByRole('listitem').filter({ hasText: 'E101' }).first().waitFor({ timeout: WAIT_BOUND_MS });

    await look(page, 'verify', '/verify', '匯出與驗證');
    await page.getByRole('button', { name: '下載匯出檔（NDJSON）' }).click();
    await page.getByRole('button', { name: '驗證剛下載的匯出（連同錨點與公鑰）' }).click();
    await page.getByRole('status').getByText(/驗證通過/).waitFor({ timeout: WAIT_BOUND_MS });
    await page.close();
  });

  it('keeps the worklist route within 300 KB of compressed JavaScript, and prints how soon it is interactive after navigation (aim 1.5 s), with a task waiting', async () => {
    // A task waits in M01's worklist from here on (the screenshots show it too): E102's application, reviewed by S01.
    const applied = await api('E102', '/v1/applications', {
      matter: 'fee.waive',
      scope: { maxAmount: 300 },
      reason: '延遲退款的手續費減免',
      validFrom: new Date().toISOString(),
      validUntil: new Date(Date.now() + 30 * 86_400_000).toISOString(),
    });
    await api('S01', `/v1/authorizations/${applied.id as string}/review`, { decision: 'pass', opinion: '可' });
    const browser = await launchFreshBrowser();
    try {
      const context = await browser.newContext({ locale: 'zh-TW' });
      const signedIn = (await (await fetch(`${app.url}/auth/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId: 'M01' }) })).json()) as { token: string; expiresAt: string };
      const session = JSON.stringify({ token: signedIn.token, employeeId: 'M01', expiresAt: Date.parse(signedIn.expiresAt), method: 'demo' });
      await context.addInitScript(`sessionStorage.setItem('console.session', ${JSON.stringify(session)})`);
      await context.addInitScript(WATCH_INTERACTIVE);
      const page = await context.newPage();
      const scripts = new Map<string, Promise<number>>();
      page.on('response', (response) => {
        if (response.request().resourceType() !== 'script' || response.status() !== 200) return;
        scripts.set(response.url(), response.body().then((body) => gzipSync(body).length));
      });
      await page.goto(`${app.url}/worklist`);
      await task(page, '審批').waitFor({ timeout: WAIT_BOUND_MS });
      const measured = (await (await page.waitForFunction('window.__worklistInteractive', undefined, { timeout: WAIT_BOUND_MS })).jsonValue()) as { rendered: number; responding: number };
      const interactiveMs = Math.round(measured.responding);
      await page.waitForLoadState('networkidle');
      const kilobytes = (await Promise.all(scripts.values())).reduce((sum, size) => sum + size, 0) / 1024;
      const files = await Promise.all([...scripts].map(async ([url, size]) => `${new URL(url).pathname.split('/').pop()} ${((await size) / 1024).toFixed(1)} KB`));
      process.stdout.write(`console budgets: the worklist route loads ${kilobytes.toFixed(1)} KB of gzipped JavaScript in ${scripts.size} files (budget 300 KB): ${files.join(', ')}\n`);
      process.stdout.write(
        `console budgets: interactive within 1.5 s of navigation on the embedded default: the worklist with a task waiting rendered ${Math.round(measured.rendered)} ms and responding ${interactiveMs} ms after navigation start (aim 1500 ms; load average ${loadavg()[0]!.toFixed(1)} on ${availableParallelism()} cores)\n`,
      );
      expect(scripts.size).toBeGreaterThan(1);
      expect(kilobytes).toBeLessThanOrEqual(300);
      // Time is printed, never asserted: speed is the benchmarks' business, and machines here differ
      // 2–3× and often run the suite at a load of 10–18 on 2 cores.
    } finally {
      await browser.close();
    }
  });

  it('photographs every visited page in both languages, each without serious accessibility findings', async () => {
    for (const language of ['zh-Hant', 'en'] as const) {
      // One signed-in tab per person and language (each sign-in is a page load on a loaded machine).
      const tabs = new Map<string, Page>();
      const tab = async (employeeId: string): Promise<Page> => {
        const open = tabs.get(employeeId) ?? (await person(employeeId, language));
        tabs.set(employeeId, open);
        return open;
      };
      for (const [name, path] of visited) {
        const as = await tab(name === 'verify' || name === 'audit' || name === 'point-in-time' ? 'C01' : name === 'change' || name === 'apply' || name === 'mine' ? 'E101' : 'M01');
        await as.goto(`${app.url}${path}`);
        await as.getByRole('heading', { level: 1 }).first().waitFor();
        await as.waitForLoadState('networkidle');
        expect(await htmlLang(as)).toBe(language);
        expect({ page: name, language, findings: await seriousAccessibilityFindings(as) }).toEqual({ page: name, language, findings: [] });
        await screenshot(as, name, language);
      }
      for (const open of tabs.values()) await open.close();
    }
  }, PAGE_TOUR_TIMEOUT_MS);

  it('reported no page errors and no console errors', () => {
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
  });
});
