/**
 * Two promises of the console (SPEC §13, issue 15), in Debian's chromium on the embedded default:
 * - a session that ends mid-form (its token refused by the API, or past its expiry in the tab)
 *   returns to sign-in and, signed in again, to the form with its content, which then sends;
 * - a stale view never acts: every command carries the version the page showed (If-Match), and a
 *   409 shows the server's problem and reloads the view, on the authorization page and in the worklist.
 */
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { HOOK_TIMEOUT_MS, WAIT_BOUND_MS } from '../support/timeouts.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { type ConsoleApp, startConsoleApp } from './support/console-app.js';
import { type PersonPage, screenshot, seriousAccessibilityFindings, signIn } from './support/pages.js';

jest.setTimeout(HOOK_TIMEOUT_MS);

let app: ConsoleApp;
let chromium: RunningBrowser;
const pages: PersonPage[] = [];

const person = async (employeeId: string): Promise<Page> => {
  const signedIn = await signIn(chromium.browser, app.url, employeeId);
  pages.push(signedIn);
  return signedIn.page;
};

/** A command or query as `who` over HTTP (a token minted with the dev secret). */
async function api(who: string, method: 'GET' | 'POST', path: string, body?: unknown): Promise<Record<string, unknown>> {
  const token = await app.serviceToken(who, '');
  const answer = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const json = (await answer.json()) as Record<string, unknown>;
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(json)}`);
  return json;
}

const DAY = 86_400_000;
const application = (applicant: string, maxAmount: number) =>
  api(applicant, 'POST', '/v1/applications', {
    matter: 'fee.waive',
    scope: { maxAmount },
    reason: '延遲退款的手續費減免',
    validFrom: new Date(Date.now() - 60_000).toISOString(),
    validUntil: new Date(Date.now() + 30 * DAY).toISOString(),
  });

/** An authorization of `applicant` (reporting to S01) carried to active over HTTP. */
async function grantActive(applicant: string, maxAmount: number): Promise<string> {
  const id = (await application(applicant, maxAmount)).id as string;
  await api('S01', 'POST', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: '可' });
  await api('M01', 'POST', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '同意' });
  await api('M02', 'POST', `/v1/authorizations/${id}/notice`, {});
  await api(applicant, 'POST', `/v1/authorizations/${id}/acknowledgement`, {});
  return id;
}

/** Changes the tab's stored session (sessionStorage `console.session`) as a page script would see it. */
const alterSession = (page: Page, change: string): Promise<void> =>
  page.evaluate<void>(`(() => { const s = JSON.parse(sessionStorage.getItem('console.session')); ${change}; sessionStorage.setItem('console.session', JSON.stringify(s)); })()`);

/** Back at sign-in, told the session ended and the form kept; signs in again as `employeeId`. */
async function signInAgain(page: Page, employeeId: string): Promise<void> {
  await page.getByRole('heading', { level: 1, name: /登入/ }).waitFor({ timeout: WAIT_BOUND_MS });
  await page.getByText('登入已逾時，請重新登入；您填寫的內容已保留。').waitFor();
  expect(await seriousAccessibilityFindings(page)).toEqual([]);
  await page.getByRole('button', { name: new RegExp(`\\(${employeeId}\\)`) }).click();
}

beforeAll(async () => {
  app = await startConsoleApp();
  chromium = await launchChromium({ locale: 'zh-TW' });
});

afterAll(async () => {
  await chromium?.close();
  await app?.close();
});

describe('a session that ends mid-form returns to sign-in without losing the form’s content', () => {
  it('the application form: its token refused by the API on submit, E101 signs in again and finds the form as left, then sends it', async () => {
    const page = await person('E101');
    await page.goto(`${app.url}/apply`);
    await page.getByRole('heading', { level: 1, name: '授權申請表' }).waitFor({ timeout: WAIT_BOUND_MS });
    await page.getByLabel('授權事項').fill('減免服務費');
    await page.keyboard.press('Enter');
    await page.getByLabel('金額上限（人民幣）').fill('700');
    await page.getByLabel('線上客服').check();
    const until = new Date(Date.now() + 60 * DAY).toISOString().slice(0, 10);
    await page.getByLabel('到期日').fill(`${until} 00:00:00`);
    await page.keyboard.press('Enter');
    await page.getByLabel('申請理由').fill('客戶多次延遲退款，需減免服務費');
    // The token no longer verifies (its signature altered): the API answers 401 to the submit.
    await alterSession(page, "s.token = s.token.slice(0, -6) + (s.token.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA')");
    await page.getByRole('button', { name: '提交申請' }).click();
    await signInAgain(page, 'E101');
    await page.waitForURL(/\/apply$/, { timeout: WAIT_BOUND_MS });
    await page.getByRole('heading', { level: 1, name: '授權申請表' }).waitFor({ timeout: WAIT_BOUND_MS });
    expect(await page.getByLabel('申請理由').inputValue()).toBe('客戶多次延遲退款，需減免服務費');
    expect(await page.getByLabel('金額上限（人民幣）').inputValue()).toBe('700');
    expect(await page.getByLabel('線上客服').isChecked()).toBe(true);
    expect(await page.getByLabel('到期日').inputValue()).toContain(until);
    // The kept form sends as it is.
    await page.getByRole('button', { name: '提交申請' }).click();
    await page.waitForURL(/\/authorizations\/[^/]+$/, { timeout: WAIT_BOUND_MS });
    const id = new URL(page.url()).pathname.split('/').pop()!;
    const sent = await api('E101', 'GET', `/v1/authorizations/${id}`);
    expect(sent).toMatchObject({ matter: 'fee.waive', status: 'pending_review', reason: '客戶多次延遲退款，需減免服務費', terms: { scope: { maxAmount: 700, channels: ['chat'] } } });
    // Sent, the draft is gone: a new application starts empty.
    await page.goto(`${app.url}/apply`);
    await page.getByRole('heading', { level: 1, name: '授權申請表' }).waitFor({ timeout: WAIT_BOUND_MS });
    expect(await page.getByLabel('申請理由').inputValue()).toBe('');
  });

  it('the change form: the session past its expiry in the tab, the submit goes back to sign-in and returns to the draft', async () => {
    const id = await grantActive('E101', 900);
    const page = await person('E101');
    await page.goto(`${app.url}/authorizations/${id}/change`);
    await page.getByRole('heading', { level: 1, name: '授權變更申請表' }).waitFor({ timeout: WAIT_BOUND_MS });
    await page.getByLabel('金額上限（人民幣）').fill('400');
    await page.getByLabel('申請理由').fill('退款流程已改善，降低上限');
    await alterSession(page, 's.expiresAt = Date.now() - 1000');
    await page.getByRole('button', { name: '提交變更申請' }).click();
    await signInAgain(page, 'E101');
    await page.waitForURL(new RegExp(`/authorizations/${id}/change$`), { timeout: WAIT_BOUND_MS });
    await page.getByRole('heading', { level: 1, name: '授權變更申請表' }).waitFor({ timeout: WAIT_BOUND_MS });
    expect(await page.getByLabel('申請理由').inputValue()).toBe('退款流程已改善，降低上限');
    expect(await page.getByLabel('金額上限（人民幣）').inputValue()).toBe('400');
    await page.getByRole('button', { name: '提交變更申請' }).click();
    await page.waitForURL(new RegExp(`/authorizations/${id}$`), { timeout: WAIT_BOUND_MS });
    await page.getByText('變更申請中（原條款在變更簽收前持續有效）').waitFor({ timeout: WAIT_BOUND_MS });
    expect(await api('E101', 'GET', `/v1/authorizations/${id}`)).toMatchObject({ status: 'active', pendingChange: { terms: { scope: { maxAmount: 400 } } } });
  });
});

describe('a stale view never acts', () => {
  it('S01’s revocation on a page shown before E102 asked for a change is refused with the server’s words; the page reloads and the revocation then acts on what it shows', async () => {
    const id = await grantActive('E102', 800);
    const page = await person('S01');
    await page.goto(`${app.url}/authorizations/${id}`);
    await page.getByRole('button', { name: '撤銷授權' }).waitFor({ timeout: WAIT_BOUND_MS });
    // Meanwhile the grantee asks for a change: still active, but no longer what S01 sees.
    await api('E102', 'POST', `/v1/authorizations/${id}/changes`, { scope: { maxAmount: 500 }, reason: '降低上限' });
    await page.getByRole('button', { name: '撤銷授權' }).click();
    await page.getByLabel('撤銷理由').fill('不再需要');
    await page.getByRole('button', { name: '確定' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('alert').getByText(/資源已被其他請求變更，請重新讀取後再試。.*CONCURRENCY_CONFLICT/).waitFor({ timeout: WAIT_BOUND_MS });
    // Reloaded: the change under way shows behind the dialog, and nothing was revoked.
    await page.getByText('變更申請中（原條款在變更簽收前持續有效）').waitFor({ timeout: WAIT_BOUND_MS });
    expect(await api('S01', 'GET', `/v1/authorizations/${id}`)).toMatchObject({ status: 'active' });
    await screenshot(page, 'stale-revocation', 'zh-Hant');
    // Now the page shows the current version: the same confirmation revokes.
    await page.getByRole('button', { name: '確定' }).click();
    await page.getByText('已撤銷').first().waitFor({ timeout: WAIT_BOUND_MS });
    expect(await api('S01', 'GET', `/v1/authorizations/${id}`)).toMatchObject({ status: 'revoked' });
    await page.close();
  });

  it('M01’s approval of a task withdrawn meanwhile is refused; the worklist reloads without it and keeps the server’s words', async () => {
    const id = (await application('E102', 300)).id as string;
    await api('S01', 'POST', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: '可' });
    const page = await person('M01');
    await page.goto(`${app.url}/worklist`);
    const card = page.getByRole('article', { name: /^審批 · 減免服務費 · .+ \(E102\)$/ });
    await card.waitFor({ timeout: WAIT_BOUND_MS });
    await card.getByRole('button', { name: '核准' }).waitFor();
    await api('E102', 'POST', `/v1/authorizations/${id}/withdrawal`, {});
    await card.getByLabel('簽署意見').fill('同意');
    await card.getByRole('button', { name: '核准' }).click();
    await card.waitFor({ state: 'detached', timeout: WAIT_BOUND_MS });
    await page.getByRole('alert').filter({ hasText: /INVALID_TRANSITION|CONCURRENCY_CONFLICT/ }).waitFor({ timeout: WAIT_BOUND_MS });
    expect(await seriousAccessibilityFindings(page)).toEqual([]);
    await screenshot(page, 'stale-worklist', 'zh-Hant');
    expect(await api('M01', 'GET', `/v1/authorizations/${id}`)).toMatchObject({ status: 'withdrawn' });
    await page.close();
  });

  it('reported no page errors and no console errors but the refusals it provoked (401, 409)', () => {
    const provoked = /Failed to load resource: the server responded with a status of (401|409)/;
    expect(pages.flatMap((p) => p.errors).filter((error) => !provoked.test(error))).toEqual([]);
  });
});
