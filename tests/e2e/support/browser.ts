/**
 * Headless Chromium for the browser tests, the sign-in through the issuer's page as a user
 * does it, and screenshots kept as test artifacts in `test-results/e2e/`.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';
import type { StaffMember } from '#local/seed/staff.ts';

const artifacts = fileURLToPath(new URL('../../../test-results/e2e/', import.meta.url));

const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium as installed on the machine, with what a CI box without a display needs. */
export const launchBrowser = (): Promise<Browser> => {
  if (!existsSync(executablePath)) {
    throw new Error(
      `The browser tests need Chromium at ${executablePath}: install it (Debian: apt-get install chromium), or point CHROMIUM_PATH at a Chromium or Chrome binary.`,
    );
  }
  return chromium.launch({
    executablePath,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
};

/** Saves a full-page screenshot as `test-results/e2e/<name>.png`. */
export const screenshot = async (page: Page, name: string): Promise<void> => {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}${name}.png`, fullPage: true });
};

/** Waits for the issuer's sign-in page (in French) and signs in there with the user's password. */
export const signInOnIssuerPage = async (page: Page, user: StaffMember): Promise<void> => {
  await page.waitForURL(/\/oauth2\/authorize\?/);
  await page.getByLabel("Nom d'utilisateur").fill(user.username);
  await page.getByLabel('Mot de passe').fill(user.password);
  await page.getByRole('button', { name: 'Se connecter' }).click();
};

/** True when the page fits its viewport's width (no sideways scrolling on a phone). */
export const fitsViewportWidth = (page: Page): Promise<boolean> =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
