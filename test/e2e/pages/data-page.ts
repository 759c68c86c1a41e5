import type { Locator, Page } from 'playwright-core';

/** 数据与备份: warnings, the backup list, 立即备份 and 恢复 with its confirmation. */
export class DataPage {
  constructor(private readonly page: Page) {}

  async open(): Promise<void> {
    await this.page.getByRole('button', { name: '数据与备份' }).click();
    await this.page.getByRole('heading', { name: '数据与备份' }).waitFor();
    await this.table().or(this.page.getByText('还没有备份')).first().waitFor();
  }

  table(): Locator {
    return this.page.getByRole('table');
  }

  /** Body rows, newest first. */
  rows(): Locator {
    return this.table().locator('tbody tr');
  }

  /** The kinds column, top to bottom. */
  async kinds(): Promise<string[]> {
    return this.rows().locator('td .badge').allInnerTexts();
  }

  async backUpNow(): Promise<void> {
    const before = await this.rows().count();
    await this.page.getByRole('button', { name: '立即备份' }).click();
    await this.page.getByRole('status').filter({ hasText: '已备份' }).waitFor();
    await this.rows().nth(before).waitFor();
  }

  /** Presses 恢复 on the newest backup of a kind; the confirmation opens. */
  async askToRestore(kind: string): Promise<Locator> {
    await this.page
      .getByRole('button', { name: new RegExp(`^恢复 .* 的${kind}备份$`) })
      .first()
      .click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  }

  async goHome(): Promise<void> {
    await this.page.getByRole('button', { name: '返回首页' }).click();
  }
}
