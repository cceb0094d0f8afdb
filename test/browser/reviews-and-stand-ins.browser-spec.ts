/**
 * Access reviews, stand-ins, suggestions and meetings clicked through in Debian's chromium (SPEC §11,
 * §13, issue 15): M01 starts an access review over team A; S01 keeps one grant and revokes the other
 * (a revocation without a note is refused), the progress moves, and once the review is due and
 * closed S01 reads its results; S01 names S02 as stand-in, S02 finds S01's review task in their
 * worklist marked 代理 S01's name, with the matter and the applicant's record, and passes it; S01
 * ends the stand-in; E101 suggests, M01 answers, E101 reads
 * the answer; S01 records a team meeting that E101, an attendee, reads. Every page is checked with
 * axe-core and photographed in both languages under .local/screenshots.
 */
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { EVENT_STORE, type EventStore } from '../../libs/event-store/src/event-store.port.js';
import { CATALOGUE } from '../../libs/platform/src/catalogue-loader.js';
import { fireTimer } from '../../apps/expiry-scheduler/src/timer-actions.js';
import type { TimerRow } from '../../apps/expiry-scheduler/src/timers.projection.js';
import { HOOK_TIMEOUT_MS, PAGE_TOUR_TIMEOUT_MS, WAIT_BOUND_MS } from '../support/timeouts.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { type ConsoleApp, startConsoleApp } from './support/console-app.js';
import { htmlLang, type Language, type PersonPage, screenshot, seriousAccessibilityFindings, signIn } from './support/pages.js';

jest.setTimeout(HOOK_TIMEOUT_MS);

let app: ConsoleApp;
let chromium: RunningBrowser;
const pages: PersonPage[] = [];
/** Page name → [path, who looks at it]. */
const visited = new Map<string, readonly [string, string]>();
let reviewId = '';
let reviewDueAt = '';

/** A signed-in tab whose errors count at the end. */
const person = async (employeeId: string, language: Language = 'zh-Hant'): Promise<Page> => {
  const signedIn = await signIn(chromium.browser, app.url, employeeId, language);
  pages.push(signedIn);
  return signedIn.page;
};

/** Visits a page: waits for its heading, checks it with axe-core, remembers it (and who saw it) for the screenshots. */
async function look(page: Page, as: string, name: string, path: string | null, heading: string | RegExp): Promise<void> {
  if (path !== null) await page.goto(`${app.url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: WAIT_BOUND_MS });
  await page.waitForLoadState('networkidle');
  visited.set(name, [new URL(page.url()).pathname, as]);
  expect({ page: name, findings: await seriousAccessibilityFindings(page) }).toEqual({ page: name, findings: [] });
}

const tokens = new Map<string, string>();
async function tokenOf(employeeId: string): Promise<string> {
  const known = tokens.get(employeeId);
  if (known) return known;
  const answer = await fetch(`${app.url}/auth/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ employeeId }) });
  const { token } = (await answer.json()) as { token: string };
  tokens.set(employeeId, token);
  return token;
}

/** The API as one of the demo people: what the test sets up around the pages under test. */
async function api<T = Record<string, unknown>>(employeeId: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: T }> {
  const answer = await fetch(`${app.url}${path}`, {
    method,
    headers: { authorization: `Bearer ${await tokenOf(employeeId)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: answer.status, json: (await answer.json()) as T };
}

async function expectStatus(answer: Promise<{ status: number; json: unknown }>, status: number): Promise<Record<string, unknown>> {
  const { status: got, json } = await answer;
  expect({ status: got, json }).toEqual({ status, json: expect.anything() });
  return json as Record<string, unknown>;
}

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString();

async function apply(employeeId: string, matter: string, scope: object, days: number): Promise<string> {
  const answer = await expectStatus(api(employeeId, 'POST', '/v1/applications', { matter, scope, reason: 'browser test', validFrom: new Date().toISOString(), validUntil: inDays(days) }), 201);
  return answer['id'] as string;
}

/** An application carried through review (S01), approval (M01), notice (M02) and acknowledgement: an active grant. */
async function activeGrant(employeeId: string, matter: string, scope: object): Promise<string> {
  const id = await apply(employeeId, matter, scope, 60);
  await expectStatus(api('S01', 'POST', `/v1/authorizations/${id}/review`, { decision: 'pass', opinion: '' }), 200);
  await expectStatus(api('M01', 'POST', `/v1/authorizations/${id}/approval`, { decision: 'approve', opinion: '' }), 200);
  await expectStatus(api('M02', 'POST', `/v1/authorizations/${id}/notice`, {}), 200);
  await expectStatus(api(employeeId, 'POST', `/v1/authorizations/${id}/acknowledgement`, {}), 200);
  return id;
}

async function until(condition: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + WAIT_BOUND_MS;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** What the scheduler does when the review falls due (its own loop is not part of this app): defaults, results, closed. */
async function closeReviewAtDue(): Promise<void> {
  const store = app.app.get<EventStore>(EVENT_STORE, { strict: false });
  const catalogue = app.app.get<{ version: string }>(CATALOGUE, { strict: false });
  const now = new Date(Date.parse(reviewDueAt) + 1000);
  const row: TimerRow = { key: `access-review:${reviewId}`, kind: 'access-review-close', dueAt: reviewDueAt, subject: reviewId, standInId: null, untils: [], stage: null, changeId: null, openedAt: null, matter: null };
  const actor = { id: 'expiry-scheduler', kind: 'system' };
  await fireTimer(row, now, { store, hours: () => 48, metadata: (commandId) => ({ occurredAt: now.toISOString(), actor, correlationId: commandId, causationId: commandId, policyVersion: catalogue.version }) });
}

beforeAll(async () => {
  app = await startConsoleApp();
  chromium = await launchChromium({ locale: 'zh-TW' });
  await activeGrant('E101', 'fee.waive', { maxAmount: 500, channels: ['phone'] });
  await activeGrant('E102', 'complaint.plan.review', {});
  // The campaign takes its items from the grants list: wait until both grants are listed active.
  await until(async () => ((await api<{ items: unknown[] }>('M01', 'GET', '/v1/authorizations?status=active')).json.items ?? []).length >= 2);
});

afterAll(async () => {
  await chromium?.close();
  await app?.close();
});

describe('access reviews, stand-ins, suggestions and meetings in the console', () => {
  it('M01 starts an access review over team A; S01 keeps and revokes (a note is required to revoke) and the progress moves', async () => {
    const manager = await person('M01');
    await look(manager, 'M01', 'access-reviews', '/access-reviews', '定期授權檢查');
    await manager.getByLabel('名稱', { exact: true }).fill('A 組 2026 年第四季授權檢查');
    await manager.getByLabel('團隊', { exact: true }).fill('A');
    await manager.getByRole('button', { name: '發起檢查' }).click();
    await manager.getByRole('heading', { level: 1, name: '定期授權檢查：A 組 2026 年第四季授權檢查' }).waitFor({ timeout: WAIT_BOUND_MS });
    reviewId = new URL(manager.url()).pathname.split('/').at(-1)!;
    await manager.getByText('已確認 0 / 2 項', { exact: false }).first().waitFor({ timeout: WAIT_BOUND_MS });
    // The manager reads the campaign, but its items are S01's to decide.
    await manager.getByText('沒有待您確認的項目。').waitFor();
    expect(await manager.getByRole('button', { name: /^保留 / }).count()).toBe(0);
    await manager.close();

    const supervisor = await person('S01');
    await look(supervisor, 'S01', 'access-reviews', '/access-reviews', '定期授權檢查');
    const row = supervisor.getByRole('row').filter({ hasText: 'A 組 2026 年第四季授權檢查' });
    await row.getByText(/已確認 0 \/ 2 項/).waitFor({ timeout: WAIT_BOUND_MS });
    await row.getByRole('link', { name: 'A 組 2026 年第四季授權檢查' }).click();
    await look(supervisor, 'S01', 'access-review', null, /^定期授權檢查：/);
    await supervisor.getByText('有 2 項待您確認。').waitFor({ timeout: WAIT_BOUND_MS });
    const detail = await expectStatus(api('S01', 'GET', `/v1/access-reviews/${reviewId}`), 200);
    reviewDueAt = detail['dueAt'] as string;
    // Names and matters in words, not ids.
    await supervisor.getByRole('cell', { name: '黃小玲 Huang Hsiao-ling', exact: true }).waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.getByRole('cell', { name: '吳家豪 Wu Chia-hao', exact: true }).waitFor();
    await supervisor.getByRole('link', { name: '減免服務費' }).waitFor();

    await supervisor.getByRole('button', { name: '保留 黃小玲 Huang Hsiao-ling · 減免服務費' }).click();
    await supervisor.getByRole('cell', { name: '保留', exact: true }).waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.getByText(/已確認 1 \/ 2 項/).waitFor({ timeout: WAIT_BOUND_MS });

    const revoke = supervisor.getByRole('button', { name: '撤銷 吳家豪 Wu Chia-hao · 審核一般性客戶投訴處理方案' });
    await revoke.click();
    await supervisor.getByText('撤銷時必須填寫說明').waitFor();
    await supervisor.getByRole('textbox', { name: '吳家豪 Wu Chia-hao · 審核一般性客戶投訴處理方案 的說明' }).fill('已調往其他組，不再處理投訴方案');
    await revoke.click();
    await supervisor.getByRole('cell', { name: '已撤銷', exact: true }).waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.getByText(/已確認 2 \/ 2 項/).waitFor({ timeout: WAIT_BOUND_MS });
    expect(await supervisor.getByRole('progressbar').first().getAttribute('aria-valuenow')).toBe('100');
    // The revocation took effect at once.
    await until(async () => ((await api<{ items: { status: string; applicantId: string }[] }>('M01', 'GET', '/v1/authorizations?status=revoked')).json.items ?? []).some((grant) => grant.applicantId === 'E102'));
    await supervisor.close();
  });

  it('S01 names S02 as stand-in by name; S02 sees S01’s review task marked 代理 S01 by name, with its matter, and passes it as S01’s stand-in; S01 ends the stand-in', async () => {
    const supervisor = await person('S01');
    await look(supervisor, 'S01', 'stand-ins', '/stand-ins', '代理人');
    await supervisor.getByText('目前沒有代理人。').waitFor();
    // The field the label 代理人 names (antd gives the form field the id of its name).
    const picker = supervisor.locator('#standInId');
    expect(await supervisor.locator('label[for="standInId"]').textContent()).toBe('代理人');
    await picker.click();
    // Only eligible people are offered: an agent is not.
    await picker.fill('黃小玲');
    await supervisor.getByText('沒有符合的人員').waitFor();
    await picker.fill('林建宏');
    await supervisor.locator('.ant-select-item-option').filter({ hasText: '林建宏' }).first().waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.keyboard.press('Enter');
    await supervisor.getByLabel('事由', { exact: true }).fill('年假');
    // Enter takes the typed end and, as in any form, sends it.
    await supervisor.getByLabel('結束', { exact: true }).fill(inDays(7).replace('T', ' ').slice(0, 19));
    await supervisor.keyboard.press('Enter');
    await supervisor.getByRole('cell', { name: '林建宏 Lin Chien-hung', exact: true }).waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.getByRole('cell', { name: '年假', exact: true }).waitFor();

    const applied = await apply('E101', 'team.schedule.adjust', {}, 20);
    const standIn = await person('S02');
    await look(standIn, 'S02', 'worklist-acting-for', '/worklist', '待辦事項');
    // The stand-in reads the task's authorization and the applicant's record: the card names the matter and for whom, by name.
    const task = standIn.getByRole('article', { name: '初審 · 調整班組工作安排 · 黃小玲 Huang Hsiao-ling (E101)' });
    await task.waitFor({ timeout: WAIT_BOUND_MS });
    await task.getByText('原因：代理 陳怡君 Chen Yi-chun (S01)').waitFor({ timeout: WAIT_BOUND_MS });
    expect(await task.getByText(/acting for/).count()).toBe(0);
    await task.getByRole('link', { name: '查看' }).waitFor();
    expect(await task.getByRole('link', { name: '查看' }).getAttribute('href')).toBe(`/authorizations/${applied}`);
    await standIn.waitForLoadState('networkidle');
    // …and decides it as S01's stand-in.
    await task.getByRole('button', { name: '初審通過' }).click();
    await until(async () => (await api<{ status: string }>('S02', 'GET', `/v1/authorizations/${applied}`)).json.status === 'pending_approval');
    const history = (await api<{ history: { type: string; actor: { id: string }; actingFor?: string }[] }>('S02', 'GET', `/v1/authorizations/${applied}`)).json.history;
    expect(history.find((entry) => entry.type === 'InitialReviewPassed')).toMatchObject({ actor: { id: 'S02' }, actingFor: 'S01' });
    await standIn.close();

    await supervisor.getByRole('button', { name: '結束代理' }).click();
    await supervisor.getByRole('button', { name: '結束代理' }).last().click();
    await supervisor.getByText('目前沒有代理人。').waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.close();
    // For the photographs: a stand-in named again.
    await expectStatus(api('S01', 'POST', '/v1/employees/S01/stand-ins', { standInId: 'M01', from: new Date().toISOString(), until: inDays(7), reason: '教育訓練' }), 201);
  });

  it('once the review is due the scheduler applies the default and closes it; S01 reads the results', async () => {
    await closeReviewAtDue();
    const supervisor = await person('S01');
    await look(supervisor, 'S01', 'access-review', `/access-reviews/${reviewId}`, /^定期授權檢查：/);
    await supervisor.getByText('已結案').first().waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.getByText('結果：保留 1 項、撤銷 1 項、未檢查（保留）0 項、逾期撤銷 0 項。').waitFor();
    await supervisor.goto(`${app.url}/access-reviews`);
    const row = supervisor.getByRole('row').filter({ hasText: 'A 組 2026 年第四季授權檢查' });
    await row.getByText('已結案').waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.close();
  });

  it('E101 suggests; M01 answers and adopts it; E101 reads the answer', async () => {
    const text = '建議客服代表可直接減免 50 元以下的服務費，無須申請。';
    const employee = await person('E101');
    await look(employee, 'E101', 'suggestions', '/suggestions', '制度建議');
    await employee.getByLabel('建議內容').fill(text);
    await employee.getByRole('button', { name: '送出建議' }).click();
    const mine = employee.getByRole('article').filter({ hasText: text });
    await mine.getByText('待回覆').waitFor({ timeout: WAIT_BOUND_MS });

    const manager = await person('M01');
    await look(manager, 'M01', 'suggestions-answer', '/suggestions', '制度建議');
    const open = manager.getByRole('article').filter({ hasText: text });
    await open.waitFor({ timeout: WAIT_BOUND_MS });
    await open.getByText('黃小玲 Huang Hsiao-ling').waitFor({ timeout: WAIT_BOUND_MS });
    await open.getByLabel('回覆').fill('採納，下季起實施。');
    await open.getByText('採納', { exact: true }).click();
    await open.getByRole('button', { name: '送出回覆' }).click();
    await open.getByText('已採納').waitFor({ timeout: WAIT_BOUND_MS });
    await manager.close();

    await employee.reload();
    const answered = employee.getByRole('article').filter({ hasText: text });
    await answered.getByText('已採納').waitFor({ timeout: WAIT_BOUND_MS });
    await answered.getByText('採納，下季起實施。').waitFor();
    await answered.getByText('王大明 Wang Da-ming').waitFor({ timeout: WAIT_BOUND_MS });
    await employee.close();
  });

  it('S01 records a team meeting with attendees by name; E101, an attendee, reads it', async () => {
    const minutes = '說明新的減免服務費流程；排定春節班表。';
    const supervisor = await person('S01');
    await look(supervisor, 'S01', 'meetings', '/meetings', '溝通會議');
    await supervisor.getByLabel('團隊', { exact: true }).fill('A');
    const attendees = supervisor.getByRole('combobox', { name: '出席人員' });
    await attendees.click();
    for (const name of ['黃小玲', '吳家豪']) {
      await attendees.fill(name);
      await supervisor.locator('.ant-select-item-option').filter({ hasText: name }).first().waitFor({ timeout: WAIT_BOUND_MS });
      await supervisor.keyboard.press('Enter');
    }
    await supervisor.keyboard.press('Escape');
    await supervisor.getByLabel('會議紀要').fill(minutes);
    await supervisor.getByRole('button', { name: '記錄會議' }).click();
    const recorded = supervisor.getByRole('article').filter({ hasText: minutes });
    await recorded.getByText('黃小玲 Huang Hsiao-ling、吳家豪 Wu Chia-hao').waitFor({ timeout: WAIT_BOUND_MS });
    await recorded.getByText('記錄人：陳怡君 Chen Yi-chun').waitFor();
    await supervisor.close();

    const employee = await person('E101');
    await look(employee, 'E101', 'meetings-attendee', '/meetings', '溝通會議');
    await employee.getByRole('article').filter({ hasText: minutes }).getByText('主管與團隊會議', { exact: false }).first().waitFor({ timeout: WAIT_BOUND_MS });
    expect(await employee.getByRole('button', { name: '記錄會議' }).count()).toBe(0);
    await employee.close();
  });

  it('photographs every visited page in both languages, each without serious accessibility findings', async () => {
    for (const language of ['zh-Hant', 'en'] as const) {
      for (const [name, [path, who]] of visited) {
        const as = await person(who, language);
        await as.goto(`${app.url}${path}`);
        await as.getByRole('heading', { level: 1 }).first().waitFor();
        await as.waitForLoadState('networkidle');
        expect(await htmlLang(as)).toBe(language);
        expect({ page: name, language, findings: await seriousAccessibilityFindings(as) }).toEqual({ page: name, language, findings: [] });
        await screenshot(as, name, language);
        await as.close();
      }
    }
  }, PAGE_TOUR_TIMEOUT_MS);

  it('reported no page errors and no console errors', () => {
    expect(pages.flatMap((p) => p.errors)).toEqual([]);
  });
});
