/** Headless Chromium (Debian's, driven by playwright-core) on a console page, errors collected. */
import { chromium, type Browser, type Page } from 'playwright-core';

/** Where Debian installs Chromium; `CHROMIUM_PATH` overrides it. */
export const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';

/** A browser with one page, and every console error and uncaught exception of that page. */
export async function openBrowser(): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (err) => errors.push(String(err)));
  return { browser, page, errors };
}
