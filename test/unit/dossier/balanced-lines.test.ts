import { describe, expect, it } from 'vitest';
import { balancedLines } from '../../../electron/core/dossier/own-pages.ts';
import type { TextFont } from '../../../electron/core/dossier/font.ts';

/** Every character one em wide: what matters here is where lines break, not the glyphs. */
const monospace = { width: (text: string, size: number) => [...text].length * size } as TextFont;

describe('the cover title in balanced lines', () => {
  it('breaks between words, near the middle, never inside one', () => {
    const title = '市工业和信息化局2025年打造人工智能先锋城市项目扶持计划模型券（申领）';
    const lines = balancedLines(monospace, title, 10, 300);
    expect(lines).toEqual(['市工业和信息化局2025年打造人工智能', '先锋城市项目扶持计划模型券（申领）']);
  });

  it('keeps a title that fits on one line whole', () => {
    expect(balancedLines(monospace, '2025年模型券（申领）', 10, 300)).toEqual(['2025年模型券（申领）']);
  });

  it('keeps every line within the width and loses no character', () => {
    const lines = balancedLines(monospace, '一二三四五六七八九十', 10, 50);
    expect(lines.every((l) => [...l].length <= 5)).toBe(true);
    expect(lines.join('')).toBe('一二三四五六七八九十');
  });
});
