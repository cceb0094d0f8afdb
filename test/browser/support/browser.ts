import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

/** Debian's chromium (deploy/local/chromium.sh installs it). */
export const CHROMIUM = process.env['CHROMIUM_BIN'] ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface RunningBrowser {
  readonly browser: BrowserContext;
  close(): Promise<void>;
}

/** A fresh chromium with its own user-data directory, gone after the run. */
export async function launchChromium(options: { locale?: string } = {}): Promise<RunningBrowser> {
  const profile = mkdtempSync(join(tmpdir(), 'console-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    locale: options.locale ?? 'zh-TW',
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
    // axe-core is injected as an inline script, which the console's Content-Security-Policy forbids.
    bypassCSP: true,
  });
  return {
    browser: context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A cache-less, storage-less context of its own browser (for measuring what a first visit downloads). */
export async function launchFreshBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export type { Browser };
