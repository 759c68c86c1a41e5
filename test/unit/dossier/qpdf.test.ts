/**
 * The in-process qpdf (`qpdf.ts`, qpdf 12 as WebAssembly) on small files made by Ghostscript and the system's qpdf:
 * it counts pages, tells an owner-password file (opens as is) from a user-password one (must be refused), decrypts,
 * and repairs what it can. The outputs are read back with the system's qpdf and poppler, never with the code under
 * test. Measured here: unlike the system's qpdf 11, the WebAssembly build does not rebuild a cross-reference table
 * whose offsets are wrong; such a file gets no page count, so the caller refuses it by name.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { qpdfFacts, qpdfRewrite, runQpdf } from '../../../electron/core/dossier/qpdf.ts';
import { encryptOwnerOnly, encryptWithUserPassword } from '../../fixtures/token-pdf.ts';
import { pdfText, qpdfPageCount, runTool } from '../../fixtures/run-tool.ts';

let dir: string;
const at = (name: string) => path.join(dir, name);

/** Exit code and output of the system's qpdf (exit 3 means warnings). */
function systemQpdf(args: string[]): { code: number; out: string } {
  try {
    return { code: 0, out: execFileSync('qpdf', args, { encoding: 'utf8', stdio: 'pipe' }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, out: `${e.stdout}${e.stderr}` };
  }
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'juanzong-qpdf-'));
  const pages = [1, 2, 3].map(
    (n) => `/Helvetica findfont 28 scalefont setfont 72 420 moveto (Statement page ${n}) show showpage`,
  );
  runTool('gs', [
    '-q',
    '-dBATCH',
    '-dNOPAUSE',
    '-dSAFER',
    '-sDEVICE=pdfwrite',
    '-sPAPERSIZE=a4',
    `-sOutputFile=${at('plain.pdf')}`,
    '-c',
    pages.join('\n'),
  ]);
  encryptOwnerOnly(at('plain.pdf'), at('owner.pdf'));
  encryptWithUserPassword(at('plain.pdf'), at('user.pdf'));
  const bytes = readFileSync(at('plain.pdf'), 'latin1');
  // startxref points at a blank line before the xref table: qpdf reads on, with a warning.
  const xref = bytes.lastIndexOf('\nxref');
  writeFileSync(at('loose-xref.pdf'), `${bytes.slice(0, xref)}\n\n${bytes.slice(xref + 1)}`, 'latin1');
  // Every offset in the cross-reference table moved by 7 bytes: only a rebuild from the objects would read it.
  writeFileSync(
    at('bad-xref.pdf'),
    bytes.replace(/^(\d{10}) 00000 n/gm, (_, n: string) => `${String(Number(n) + 7).padStart(10, '0')} 00000 n`),
    'latin1',
  );
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('qpdfFacts', () => {
  it('a plain file: its pages, not encrypted, no repair', async () => {
    expect(await qpdfFacts(at('plain.pdf'))).toMatchObject({ pages: 3, encryption: 'none', repaired: false });
  });

  it('an owner-password file: opens, counted, marked owner', async () => {
    expect(await qpdfFacts(at('owner.pdf'))).toMatchObject({ pages: 3, encryption: 'owner', repaired: false });
  });

  it('a user-password file: marked user, no page count, so the caller asks for the password', async () => {
    const facts = await qpdfFacts(at('user.pdf'));
    expect(facts).toMatchObject({ pages: undefined, encryption: 'user' });
    expect(facts.message).toMatch(/password/);
  });

  it('a file read with warnings: counted, and said to need a repair', async () => {
    expect(systemQpdf(['--check', at('loose-xref.pdf')]).code).toBe(3);
    expect(await qpdfFacts(at('loose-xref.pdf'))).toMatchObject({ pages: 3, encryption: 'none', repaired: true });
  });

  it('a cross-reference table it cannot rebuild: no page count, and a message that names the file', async () => {
    const facts = await qpdfFacts(at('bad-xref.pdf'));
    expect(facts).toMatchObject({ pages: undefined, encryption: 'none' });
    expect(facts.message).toContain('bad-xref.pdf');
  });

  it('keeps answering call after call: the WebAssembly stack argv fills is renewed before it runs out', async () => {
    // Each call leaves its arguments on qpdf's 64 KB stack; 4 KB a call would fill it within 16 calls.
    const long = `--password=${'x'.repeat(4000)}`;
    for (let i = 0; i < 40; i += 1) {
      const result = await runQpdf(at('plain.pdf'), [long, '--show-npages', 'IN']);
      expect(result.stdout.trim(), `call ${i}: ${result.stderr}`).toBe('3');
    }
  });
});

describe('qpdfRewrite', () => {
  it('decrypts an owner-password file into one that is not encrypted and reads the same', async () => {
    const result = await qpdfRewrite(at('owner.pdf'), dir, 'owner-decrypted.pdf');
    expect(result.code).toBe(0);
    expect(systemQpdf(['--show-encryption', at('owner-decrypted.pdf')]).out).toContain('File is not encrypted');
    expect(systemQpdf(['--check', at('owner-decrypted.pdf')]).code).toBe(0);
    expect(pdfText(at('owner-decrypted.pdf'))).toBe(pdfText(at('plain.pdf')));
  });

  it('refuses a user-password file without writing anything', async () => {
    const result = await qpdfRewrite(at('user.pdf'), dir, 'user-decrypted.pdf');
    expect(result.code).not.toBe(0);
    expect(result.code).not.toBe(3);
    expect(result.stderr).toMatch(/invalid password/);
    expect(result.stderr).toContain('user.pdf');
    expect(existsSync(at('user-decrypted.pdf'))).toBe(false);
  });

  it('repairs a file read with warnings into one the system’s qpdf checks clean', async () => {
    const result = await qpdfRewrite(at('loose-xref.pdf'), dir, 'repaired.pdf');
    expect(result.code).toBe(3); // done, with warnings about what it repaired
    expect(systemQpdf(['--check', at('repaired.pdf')]).code).toBe(0);
    expect(qpdfPageCount(at('repaired.pdf'))).toBe(3);
    expect(pdfText(at('repaired.pdf'))).toBe(pdfText(at('plain.pdf')));
  });
});
