// Page content read as a reader reads it: sound content left alone, each kind of damage `qpdf --check` complains of found and written plainly.
import { describe, expect, it } from 'vitest';
import { contentIsDamaged, repairContent } from '../../../electron/core/dossier/content-lexer.ts';
import { lzwDecode } from '../../../electron/core/dossier/stream-decode.ts';

const bytes = (s: string) => Buffer.from(s, 'latin1');
const repaired = (s: string, starts?: number[]) => repairContent(bytes(s), starts).toString('latin1');

describe('contentIsDamaged', () => {
  it('finds nothing in sound content of every kind of token', () => {
    const sound = [
      '% a comment (unclosed\nq 1 0 0 1 -.5 +3. cm /P <</MCID 0 /Alt (a) >> BDC',
      'BT /F#20A 12 Tf [(Wo\\)rd (nested) \\(x) -250 <48 65\n6C>] TJ ET EMC',
      'BI /W 2 /H 1 /BPC 8 /CS /G ID \x00EI\xffEIx\nEI Q /Name true false null [1 [2 3]] <<>> d0',
      'BT [(Grandes) 0.0 Tc -250.0 (Clients)] TJ ET',
    ].join('\n');
    expect(contentIsDamaged(bytes(sound))).toBe(false);
  });

  it.each([
    ['an array the content ends inside', '0 g [ /oops'],
    ['a dictionary the content ends inside', '0 g << /oops 1'],
    ['a string the content ends inside', '(Potato\nET\n'],
    ['a hex string with a stray character', '<fade T> Tj'],
    ['an unexpected ) or >', '1 g ) > f'],
    ['braces', '{ 1 g }'],
    ['a name with a stray #', '/Im#1 Do'],
    ['a name with #00', '/F#00x 12 Tf'],
    ['a keyword inside a dictionary', '/P << /A re >> BDC'],
    ['an unbalanced ]', '1 ] g'],
    ['an inline image the content ends inside', 'BI /W 1 /H 1 ID \x00\x00'],
    ['an ID or EI of no inline image', 'ID 1 g'],
  ])('finds %s, and the repaired content has none', (_, content) => {
    expect(contentIsDamaged(bytes(content))).toBe(true);
    expect(contentIsDamaged(repairContent(bytes(content)))).toBe(false);
  });
});

describe('repairContent', () => {
  it('writes what a reader reads: stray characters skipped, unused operands dropped, names escaped', () => {
    expect(repaired('0.2 g 1 2 3 4 re f\n[ /oops 1')).toBe('0.2 g\n1 2 3 4 re\nf\n');
    expect(repaired('BT <fa de\nET\n)> Tj ET')).toBe('BT\n<fadeE> Tj\nET\n');
    expect(repaired('/Im#1 Do /F#00x 12 Tf')).toBe('/Im#231 Do\n/JzUnreadableName 12 Tf\n');
    expect(repaired('1 g { 2 g } (open')).toBe('1 g\n2 g\n');
    expect(repaired('q BI /W 1 /H 1 ID \x7f')).toBe('q\nBI\n /W 1 /H 1 ID \x7f\nEI\n');
  });

  it('ends a number, name or keyword where a content stream ends, as poppler does; strings run on', () => {
    const content = '1 g 300 150 1' + '50 200 re f (Pot' + 'ato) Tj [';
    const starts = [13, 31];
    expect(repaired(content, starts)).toBe('1 g\n300 150 1 50 200 re\nf\n(Potato) Tj\n');
  });
});

describe('lzwDecode', () => {
  it('decodes the example of PDF 32000 §7.4.4.2, and refuses a code no table holds', () => {
    const encoded = Uint8Array.from([0x80, 0x0b, 0x60, 0x50, 0x22, 0x0c, 0x0c, 0x85, 0x01]);
    expect(Buffer.from(lzwDecode(encoded, true)!).toString('latin1')).toBe('-----A---B');
    expect(lzwDecode(bytes('Not really compressed.\n'), true)).toBeUndefined();
  });
});
