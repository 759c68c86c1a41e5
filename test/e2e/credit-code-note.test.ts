/**
 * The live note under the credit code reads the same region rule as the full check: a 深汕 company, whose code was
 * issued under 汕尾 (4415…), is asked for its registered district, never told it is outside Shenzhen.
 */
import { describe, it, expect } from 'vitest';
import { withCheckCharacter } from '../fixtures/dossier-fixtures.ts';
import { ApplicationPage } from './pages/application-page.ts';
import { HomePage } from './pages/home-page.ts';
import { appPerTest } from './support/per-test.ts';

const SHENSHAN_CODE = withCheckCharacter('91441500MA4W1234E');

describe('the credit code note while typing', () => {
  const each = appPerTest({ screenshotOnFailure: 'credit-code-note-failed' });

  it('does not tell a 深汕 company it is outside Shenzhen', async () => {
    const app = await each.start();
    const { page } = app;
    await new HomePage(page).createApplicant('深汕特别合作区某智能科技有限公司');
    await new HomePage(page).createApplication();
    await new ApplicationPage(page).fillAndLeave('统一社会信用代码', SHENSHAN_CODE);
    const note = page.locator('#note-creditCode');
    await note.getByText('单凭代码无法判断').waitFor();
    expect(await note.textContent()).toContain('441500');
    expect(await note.textContent()).not.toContain('不属于深圳');
    await app.screenshot('credit-code-note-shenshan');
  });
});
