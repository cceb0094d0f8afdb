/**
 * Supervision's records in the console, clicked through by the demo people in Debian's chromium
 * (SPEC §10, §11, §13, issue 15): E101 escalates a compensation beyond their limit and S01 answers it,
 * E101 reading the answer; E101 reports a violation by E102, S01 investigates, concludes with a warning
 * and feeds the result back, E101 reading it on their report; M01 draws a spot-check sample of the
 * CRM's recorded decisions and records an inspection of one; M01 records an assessment of E101 (a second
 * for the same period is refused beside the field) and E101 reads it back. Every page is checked with
 * axe-core and photographed in both languages under .local/screenshots.
 */
import { jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import { HOOK_TIMEOUT_MS, PAGE_TOUR_TIMEOUT_MS, WAIT_BOUND_MS } from '../support/timeouts.js';
import { launchChromium, type RunningBrowser } from './support/browser.js';
import { type ConsoleApp, startConsoleApp } from './support/console-app.js';
import { htmlLang, type Language, type PersonPage, screenshot, seriousAccessibilityFindings, signIn } from './support/pages.js';

jest.setTimeout(HOOK_TIMEOUT_MS);

let app: ConsoleApp;
let chromium: RunningBrowser;
const pages: PersonPage[] = [];
/** Page name → [who looks at it, path]. */
const visited = new Map<string, readonly [string, string]>();
let reportId = '';

const person = async (employeeId: string, language: Language = 'zh-Hant'): Promise<Page> => {
  const signedIn = await signIn(chromium.browser, app.url, employeeId, language);
  pages.push(signedIn);
  return signedIn.page;
};

/** Visits a page of the console: waits for its heading, checks it with axe-core, remembers it for the screenshots. */
async function look(page: Page, as: string, name: string, path: string | null, heading: string | RegExp): Promise<void> {
  if (path !== null) await page.goto(`${app.url}${path}`);
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: WAIT_BOUND_MS });
  visited.set(name, [as, new URL(page.url()).pathname]);
  expect({ page: name, findings: await seriousAccessibilityFindings(page) }).toEqual({ page: name, findings: [] });
}

/** The CRM asks, about to act on the answer: the decision is recorded (the spot check's population). */
async function recordedCheck(amount: number): Promise<void> {
  const token = await app.serviceToken('svc:crm', 'checks:read');
  const answer = await fetch(`${app.url}/v1/checks`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ employeeId: 'E101', authority: 'compensation.issue', context: { amount, channel: 'phone' }, record: true }),
  });
  expect(answer.status).toBe(200);
}

const quarter = (now = new Date()): string => `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

beforeAll(async () => {
  app = await startConsoleApp();
  chromium = await launchChromium({ locale: 'zh-TW' });
});

afterAll(async () => {
  await chromium?.close();
  await app?.close();
});

describe('supervision records in the console', () => {
  it('E101 escalates a compensation beyond their limit; S01 sees it and answers; E101 reads the answer', async () => {
    const agent = await person('E101');
    await look(agent, 'E101', 'escalations', '/escalations', '上呈事項');
    // The form checks as the server does: a summary is required.
    await agent.getByRole('button', { name: '上呈主管' }).click();
    await agent.getByText('此欄為必填').first().waitFor();
    await agent.getByLabel('涉及的職權').fill('發放客戶補償');
    await agent.keyboard.press('Enter');
    await agent.getByLabel('金額（人民幣，選填）').fill('3000');
    await agent.getByLabel('問題說明').fill('客戶要求補償 3000 元，超出我的權限');
    await agent.getByRole('button', { name: '上呈主管' }).click();
    const mine = agent.getByRole('article', { name: '客戶要求補償 3000 元，超出我的權限' });
    await mine.waitFor({ timeout: WAIT_BOUND_MS });
    await mine.getByText('待處理').waitFor();
    await mine.getByText('陳怡君 Chen Yi-chun (S01)').waitFor({ timeout: WAIT_BOUND_MS });
    await mine.getByText(/3,000/).waitFor();
    // The raiser does not answer their own escalation.
    expect(await mine.getByRole('button', { name: '送出答覆' }).count()).toBe(0);

    const supervisor = await person('S01');
    await look(supervisor, 'S01', 'escalations-answer', '/escalations', '上呈事項');
    const card = supervisor.getByRole('article', { name: '客戶要求補償 3000 元，超出我的權限' });
    await card.waitFor({ timeout: WAIT_BOUND_MS });
    await card.getByText('黃小玲 Huang Hsiao-ling (E101)').waitFor({ timeout: WAIT_BOUND_MS });
    await card.getByText('發放客戶補償').first().waitFor();
    await card.getByLabel('答覆').fill('同意一次性補償 3000 元');
    await card.getByRole('button', { name: '送出答覆' }).click();
    await card.getByText('已答覆').waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.close();

    await agent.reload();
    const answered = agent.getByRole('article', { name: '客戶要求補償 3000 元，超出我的權限' });
    await answered.getByText('同意一次性補償 3000 元').waitFor({ timeout: WAIT_BOUND_MS });
    await answered.getByText('已答覆').waitFor();
    await agent.close();
  });

  it('E101 reports a violation by E102; S01 investigates, concludes with a warning and feeds back; E101 reads the result', async () => {
    const agent = await person('E101');
    await look(agent, 'E101', 'reports-file', '/reports', '違規舉報');
    // The employee is picked by name (GET /v1/employees?q=), the number sent.
    await agent.getByLabel('被舉報員工', { exact: true }).fill('吳家豪');
    await agent.getByText('吳家豪 Wu Chia-hao (E102)', { exact: true }).click({ timeout: WAIT_BOUND_MS });
    await agent.getByLabel('類別').fill('不當行為');
    await agent.keyboard.press('Enter');
    await agent.getByLabel('事實說明').fill('在電話中對客戶出言不遜');
    await agent.getByRole('button', { name: '提交舉報' }).click();
    await agent.waitForURL(/\/reports\/[^/]+$/, { timeout: WAIT_BOUND_MS });
    reportId = new URL(agent.url()).pathname.split('/').pop()!;
    await look(agent, 'E101', 'report-mine', null, '舉報詳情');
    await agent.getByText('已受理').waitFor();
    await agent.getByText('尚未回覆').waitFor();

    const supervisor = await person('S01');
    await look(supervisor, 'S01', 'reports', '/reports', '違規舉報');
    await supervisor.getByRole('row').filter({ hasText: '吳家豪 Wu Chia-hao (E102)' }).getByRole('link').first().click();
    await look(supervisor, 'S01', 'report', null, '舉報詳情');
    await supervisor.getByText('在電話中對客戶出言不遜').waitFor();
    await supervisor.getByRole('button', { name: '由我調查' }).click();
    await supervisor.getByRole('heading', { name: '結案' }).waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.getByLabel('違規屬實').check();
    await supervisor.getByLabel('結論說明').fill('錄音證實');
    await supervisor.getByRole('button', { name: '新增處置' }).click();
    await supervisor.getByRole('button', { name: '送出結論' }).click();
    await supervisor.getByRole('heading', { name: '回覆舉報人' }).waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.getByLabel('回覆內容').fill('感謝舉報：查證屬實，已對當事人警告。');
    await supervisor.getByRole('button', { name: '送出回覆' }).click();
    await supervisor.getByText('已回覆舉報人').first().waitFor({ timeout: WAIT_BOUND_MS });
    await supervisor.getByText('陳怡君 Chen Yi-chun (S01)').first().waitFor();
    await supervisor.close();

    await agent.reload();
    await agent.getByText('感謝舉報：查證屬實，已對當事人警告。').waitFor({ timeout: WAIT_BOUND_MS });
    await agent.getByText('違規屬實').waitFor();
    // The reporter reads the result, not the investigation notes.
    expect(await agent.getByText('錄音證實').count()).toBe(0);
    // …and finds it again in the list of their own reports (GET /v1/reports?filedBy=me).
    await look(agent, 'E101', 'reports-mine', '/reports', '違規舉報');
    const own = agent.getByRole('row').filter({ hasText: '吳家豪 Wu Chia-hao (E102)' });
    await own.getByText('感謝舉報：查證屬實，已對當事人警告。').waitFor({ timeout: WAIT_BOUND_MS });
    await own.getByText('違規屬實').waitFor();
    expect(await agent.getByText('在電話中對客戶出言不遜').count()).toBe(0);
    await agent.close();
  });

  it('M01 draws a spot-check sample of the recorded decisions and records an inspection of one', async () => {
    await recordedCheck(500);
    await recordedCheck(800);
    const manager = await person('M01');
    await look(manager, 'M01', 'inspections', '/inspections', '檢查與抽查');
    await manager.getByRole('button', { name: '抽取樣本' }).click();
    const sampled = manager.getByRole('row').filter({ hasText: '黃小玲 Huang Hsiao-ling (E101)' }).first();
    await sampled.waitFor({ timeout: WAIT_BOUND_MS });
    await sampled.getByText('發放客戶補償').waitFor();
    await sampled.getByRole('button', { name: /^記錄檢查（.+的判斷）$/ }).click();
    // The sampled decision's employee is chosen in the picker, shown by name.
    await manager.locator('.ant-select', { has: manager.getByLabel('受檢查員工', { exact: true }) }).getByText('黃小玲 Huang Hsiao-ling (E101)').waitFor({ timeout: WAIT_BOUND_MS });
    await manager.getByLabel('檢查發現').fill('抽查補償一筆，未超出職權');
    await manager.getByLabel('合規', { exact: true }).check();
    await manager.getByRole('button', { name: '記錄', exact: true }).click();
    await manager.getByRole('status').getByText('已記錄檢查結果。').waitFor({ timeout: WAIT_BOUND_MS });
    const recorded = manager.getByRole('row').filter({ hasText: '抽查補償一筆，未超出職權' });
    await recorded.waitFor({ timeout: WAIT_BOUND_MS });
    await recorded.getByText('王大明 Wang Da-ming (M01)').waitFor({ timeout: WAIT_BOUND_MS });
    await manager.close();
  });

  it('M01 records an assessment of E101 (a second for the period is refused beside the field); E101 reads it back', async () => {
    const manager = await person('M01');
    await look(manager, 'M01', 'assessments', '/assessments', '考核評估');
    const assess = async (): Promise<void> => {
      await manager.getByLabel('受考核員工', { exact: true }).fill('黃小玲');
      await manager.getByText('黃小玲 Huang Hsiao-ling (E101)', { exact: true }).last().click({ timeout: WAIT_BOUND_MS });
      await manager.getByLabel('期間（YYYY-MM 或 YYYY-Qn）').first().fill(quarter());
      await manager.getByLabel('4', { exact: true }).check();
      await manager.getByLabel('考核結果').fill('優秀');
      await manager.keyboard.press('Enter');
      await manager.getByLabel('表揚').check();
      await manager.getByLabel('備註').fill('團隊合作良好');
      await manager.getByRole('button', { name: '記錄考核' }).click();
    };
    await manager.getByLabel('期間（YYYY-MM 或 YYYY-Qn）').first().fill('2026-13');
    await manager.getByText('期間格式為 YYYY-MM 或 YYYY-Qn').waitFor();
    await assess();
    await manager.getByRole('status').getByText('已記錄考核。').waitFor({ timeout: WAIT_BOUND_MS });
    await manager.getByRole('row').filter({ hasText: '團隊合作良好' }).waitFor({ timeout: WAIT_BOUND_MS });
    await assess();
    await manager.getByRole('alert').getByText(/ALREADY_EXISTS/).waitFor({ timeout: WAIT_BOUND_MS });
    // The refusal's own text stands beside the period too.
    await manager.locator('.ant-form-item-explain-error').getByText(/already exists|已存在/).first().waitFor({ timeout: WAIT_BOUND_MS });
    expect(await manager.getByText(/already exists|已存在/).count()).toBeGreaterThanOrEqual(2);
    await manager.close();

    const agent = await person('E101');
    await look(agent, 'E101', 'assessments-mine', '/assessments', '考核評估');
    const row = agent.getByRole('row').filter({ hasText: quarter() });
    await row.getByText('優秀').waitFor({ timeout: WAIT_BOUND_MS });
    await row.getByText('王大明 Wang Da-ming (M01)').waitFor({ timeout: WAIT_BOUND_MS });
    expect(await agent.getByRole('button', { name: '記錄考核' }).count()).toBe(0);
    await agent.close();
  });

  it('photographs every visited page in both languages, each without serious accessibility findings', async () => {
    for (const language of ['zh-Hant', 'en'] as const) {
      for (const [name, [as, path]] of visited) {
        const page = await person(as, language);
        await page.goto(`${app.url}${path}`);
        await page.getByRole('heading', { level: 1 }).first().waitFor();
        if (name === 'inspections') {
          await page.getByRole('button', { name: language === 'en' ? 'Draw a sample' : '抽取樣本' }).click();
          await page.getByRole('row').filter({ hasText: 'E101' }).first().waitFor({ timeout: WAIT_BOUND_MS });
          // Off the button: axe would otherwise judge its hover colour, mid-transition.
          await page.mouse.move(0, 0);
        }
        await page.waitForLoadState('networkidle');
        expect(await htmlLang(page)).toBe(language);
        expect({ page: name, language, findings: await seriousAccessibilityFindings(page) }).toEqual({ page: name, language, findings: [] });
        await screenshot(page, `supervision-${name}`, language);
        await page.close();
      }
    }
    expect(reportId).not.toBe('');
  }, PAGE_TOUR_TIMEOUT_MS);

  it('reported no page errors and no console errors but the one refusal asked for (the second assessment, 409)', () => {
    const errors = pages.flatMap((p) => p.errors);
    const refusal = /^console\.error: Failed to load resource: the server responded with a status of 409 \(Conflict\)$/;
    expect(errors.filter((error) => refusal.test(error))).toHaveLength(1);
    expect(errors.filter((error) => !refusal.test(error))).toEqual([]);
  });
});
