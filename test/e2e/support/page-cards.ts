/** Reading and shooting a material's card with the page strips of its files. */
import path from 'node:path';
import type { Locator } from 'playwright-core';
import { screenshotDir, type AppHarness } from './app-harness.ts';

/** A card with every thumbnail drawn: the viewport grows to the whole page first (they draw once in view). */
export async function shootCard(app: AppHarness, card: Locator, name: string): Promise<void> {
  const viewport = app.page.viewportSize()!;
  const height = await app.page.evaluate(() => document.documentElement.scrollHeight);
  await app.page.setViewportSize({ width: viewport.width, height: Math.min(height, 12_000) });
  await card.locator('.thumb-waiting').first().waitFor({ state: 'detached', timeout: 30_000 });
  await card.screenshot({ path: path.join(screenshotDir, `${name}.png`) });
  await app.page.setViewportSize(viewport);
}

/** The badges of page `n` of a file on a card, as their text. */
export const badgesOf = (card: Locator, n: number) =>
  card
    .locator('.page-review-strip > li')
    .nth(n - 1)
    .locator('.page-badge')
    .allTextContents();
