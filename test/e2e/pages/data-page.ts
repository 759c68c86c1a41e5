import type { Locator, Page } from 'playwright-core';

/** 数据与备份: warnings, the backup list, 立即备份 and 恢复 with its confirmation, 备份到… and 从备份恢复…. */
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

  /** The card of 备份到… and 从备份恢复…. */
  carryCard(): Locator {
    return this.page.getByRole('region', { name: '带走的备份' });
  }

  /** 备份到… (the folder dialog answers what the test queued); waits for the report under the buttons. */
  async exportTo(): Promise<string> {
    await this.carryCard().getByRole('button', { name: '备份到…' }).click();
    const report = this.carryCard().getByRole('status').filter({ hasText: '备份已写入' });
    await report.waitFor({ timeout: 60_000 });
    return report.innerText();
  }

  /** 从备份恢复… (the folder dialog answers what the test queued); the confirmation opens. */
  async askToImport(): Promise<Locator> {
    await this.carryCard().getByRole('button', { name: '从备份恢复…' }).click();
    const dialog = this.page.getByRole('dialog');
    await dialog.waitFor();
    return dialog;
  }

  async goHome(): Promise<void> {
    await this.page.getByRole('button', { name: '返回首页' }).click();
  }
}
