import type { Locator, Page } from 'playwright-core';

export const stepLabels = ['申报单位', '资格自查', '合同与费用', '申报材料', '生成与预览', '导出与打印'] as const;
export type StepLabel = (typeof stepLabels)[number];

/** One application's steps. */
export class ApplicationPage {
  constructor(private readonly page: Page) {}

  stepButton(label: StepLabel): Locator {
    return this.page.getByRole('navigation', { name: '申报步骤' }).getByRole('button', { name: new RegExp(label) });
  }

  async goTo(label: StepLabel): Promise<void> {
    await this.stepButton(label).click();
    await this.page.getByRole('heading', { name: `第 ${stepLabels.indexOf(label) + 1} 步 · ${label}` }).waitFor();
  }

  /** Fills a field and leaves it, which saves it. */
  async fillAndLeave(label: string, value: string): Promise<void> {
    const field = this.page.getByLabel(label, { exact: true });
    await field.fill(value);
    await field.blur();
  }

  async waitSaved(): Promise<void> {
    await this.page.getByRole('status').filter({ hasText: '已自动保存' }).waitFor();
  }

  answer(question: string | RegExp, choice: '是' | '否' | '不确定'): Promise<void> {
    return this.page.getByRole('radiogroup', { name: question }).getByLabel(choice, { exact: true }).check();
  }

  materialCard(title: string): Locator {
    return this.page.getByRole('article', { name: title, exact: true });
  }

  /** Chooses files for a material through its `<input type=file multiple>`. */
  async attach(title: string, files: string[]): Promise<void> {
    const card = this.materialCard(title);
    await card.getByLabel(`「${title}」的文件`).setInputFiles(files);
    await card
      .locator('.attachments > li')
      .nth(files.length - 1)
      .waitFor();
  }

  /** Drops one file on a material's card, as dragging it from the file manager would. */
  async drop(title: string, fileName: string, bytes: Buffer, mimeType: string): Promise<void> {
    const transfer = await this.page.evaluateHandle(
      ({ name, data, type }) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(data)], name, { type }));
        return dt;
      },
      { name: fileName, data: [...bytes], type: mimeType },
    );
    await this.materialCard(title).locator('.drop-zone').dispatchEvent('drop', { dataTransfer: transfer });
  }
}
