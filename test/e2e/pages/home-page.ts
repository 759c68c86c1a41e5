import type { Page } from 'playwright-core';

/** The home screen: applicants on the left, the chosen one's applications on the right. */
export class HomePage {
  constructor(private readonly page: Page) {}

  async createApplicant(name: string): Promise<void> {
    await this.page.getByLabel('新建申报单位').fill(name);
    await this.page.getByRole('button', { name: '新建', exact: true }).click();
    await this.page.getByRole('heading', { name }).waitFor();
  }

  /** Creates a 2025 application; the window opens it at step 1. */
  async createApplication(): Promise<void> {
    await this.page.getByRole('button', { name: '新建「2025年模型券（申领）」申报' }).click();
    await this.page.getByRole('heading', { name: '第 1 步 · 申报单位' }).waitFor();
  }

  async openFirstApplication(): Promise<void> {
    await this.page
      .getByRole('button', { name: /^打开 / })
      .first()
      .click();
    await this.page.getByRole('heading', { name: '第 1 步 · 申报单位' }).waitFor();
  }
}
