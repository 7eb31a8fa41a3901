import { expect, type Page } from '@playwright/test';

/** The staff accounts tests/e2e/admin.spec.ts makes on the e2e server's fresh database. */
export const OWNER = { name: 'Oyun', email: 'owner@example.com', password: 'the owner password 1' };

/** Passwords are hashed with scrypt on purpose (slow): on a busy machine a sign-in can take seconds. */
export const SLOW = { timeout: 30_000 };

/** Forms are used once the page is hydrated: React resets a <select> (and a form it re-keys) when it hydrates. */
export async function hydrated(page: Page) {
  await page.waitForLoadState('networkidle');
}

/**
 * Signs the owner in. admin.spec.ts sets the owner up first in a full run; run alone, a spec
 * finds the one-time setup form instead and fills it.
 */
export async function signInAsOwner(page: Page, path = '/admin') {
  await page.goto(path);
  await hydrated(page);
  const setup = page.getByRole('button', { name: 'Create the owner account' });
  if (await setup.isVisible()) {
    await page.getByLabel('Your name').fill(OWNER.name);
    await page.getByLabel('E-mail').fill(OWNER.email);
    await page.getByLabel('Password').fill(OWNER.password);
    await setup.click();
    await expect(page.getByRole('heading', { level: 1, name: `Hello, ${OWNER.name}` })).toBeVisible(SLOW);
    if (path !== '/admin') await page.goto(path);
    return;
  }
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await page.getByLabel('E-mail').fill(OWNER.email);
  await page.getByLabel('Password').fill(OWNER.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).not.toHaveURL(/\/admin\/sign-in/, SLOW);
}
