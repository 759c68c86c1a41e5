// The corpus accepts a failed `qpdf --check` of a dossier only for stream damage carried from its source.
import { describe, expect, it } from 'vitest';
import { onlyCarriedStreamDamage } from '../corpus/outcome.ts';

describe('onlyCarriedStreamDamage', () => {
  it('accepts undecodable data and unparsable content carried in a stream', () => {
    const check = [
      'checking o.pdf',
      'WARNING: o.pdf (offset 7702): error decoding stream data for object 12 0: LZWDecoder: bad code received',
      'WARNING: o.pdf (offset 7702): stream will be re-processed without filtering to avoid data loss',
      'ERROR: page 5: content stream (content stream object 12 0): errors while decoding content stream',
      'WARNING: page object 3 0 stream 7 0 (content, offset 52): parse error while reading object',
      'qpdf: errors detected',
    ].join('\n');
    expect(onlyCarriedStreamDamage(check)).toBe(true);
  });

  it('refuses a structural complaint, alone or among stream damage', () => {
    const structural = 'WARNING: o.pdf: file is damaged\nWARNING: o.pdf (offset 120): xref not found';
    expect(onlyCarriedStreamDamage(structural)).toBe(false);
    expect(
      onlyCarriedStreamDamage(
        `WARNING: o.pdf (offset 9): error decoding stream data for object 4 0: bad code\n${structural}`,
      ),
    ).toBe(false);
    expect(onlyCarriedStreamDamage('exit 2: qpdf: errors detected')).toBe(false);
  });
});
