/** What became of one corpus file, and what a user would see wrong with it. */
import { runProcess } from '../acceptance/assemble-cli.ts';
import { corpusPath, type CorpusFile } from './corpus-index.ts';

export interface Outcome {
  status: 'ok' | 'refused' | 'crashed' | 'hung';
  /** stderr of the CLI, or the thrown error's message (with its file) in-process. */
  message: string;
  /** The page map JSON, when it succeeded. */
  pageMap: string | null;
  outputExists: boolean;
  /** The output's page count by qpdf, when it succeeded. */
  outputPages: number | null;
  /** Characters poppler reads in the source but not on the material's pages of the dossier (see missingText). */
  missingText?: string[];
  /** What `qpdf --check` said of the dossier when it did not exit 0 (checked on every file, or a sample). */
  qpdfCheck?: string;
}

/** What `qpdf --check` says of a dossier when it does not exit 0; undefined when it passes. */
export async function qpdfCheckFailure(pdf: string): Promise<string | undefined> {
  const run = await runProcess('qpdf', ['--check', pdf], 120_000);
  return run.code === 0 ? undefined : `exit ${run.code ?? run.signal}: ${run.stdout}${run.stderr}`.trim();
}

/** A PDF's page count by qpdf (which exits 3 on mere warnings) or poppler's pdfinfo; null when it cannot tell. */
export async function countPages(tool: 'qpdf' | 'pdfinfo', pdf: string): Promise<number | null> {
  const run = await runProcess(tool, tool === 'qpdf' ? ['--show-npages', pdf] : [pdf], 60_000);
  if (run.code !== 0 && run.code !== 3) return null;
  const match = tool === 'qpdf' ? /^(\d+)\s*$/.exec(run.stdout) : /^Pages:\s+(\d+)/m.exec(run.stdout);
  return match ? Number(match[1]) : null;
}

function materialRange(pageMap: string): { firstPage: number; lastPage: number } | null {
  try {
    const map = JSON.parse(pageMap) as { sections: { id: string; firstPage: number; lastPage: number }[] };
    return map.sections.find((x) => x.id === 'application-form') ?? { firstPage: 1, lastPage: 0 };
  } catch {
    return null;
  }
}

function materialPages(pageMap: string): number | null {
  const range = materialRange(pageMap);
  return range && range.lastPage - range.firstPage + 1;
}

/**
 * The characters poppler reads, without white space or hyphens: word breaks and pdftotext's joining of words
 * hyphenated at line ends depend on the text around them, which the dossier's page marks change.
 */
async function characters(pdf: string, range?: { firstPage: number; lastPage: number }): Promise<string[] | null> {
  const pages = range ? ['-f', String(range.firstPage), '-l', String(range.lastPage)] : [];
  const run = await runProcess('pdftotext', ['-q', ...pages, pdf, '-'], 60_000);
  return run.code === 0 ? [...run.stdout.replace(/[\s\-\u00ad]+/g, '')] : null;
}

/**
 * What poppler reads in the source but not on the material's pages of the dossier, as a multiset of characters
 * (the dossier only adds text: numbers, seal marks); empty when poppler cannot read the source's text.
 * Text a page shows and the dossier lost means a page went silently blank, in part or whole.
 */
export async function missingText(source: string, dossier: string, pageMap: string): Promise<string[]> {
  const range = materialRange(pageMap);
  const before = await characters(source);
  const after = range && range.lastPage >= range.firstPage ? await characters(dossier, range) : [];
  if (!before || !after) return [];
  const left = new Map<string, number>();
  for (const c of after) left.set(c, (left.get(c) ?? 0) + 1);
  return before.filter((c) => {
    const n = left.get(c) ?? 0;
    if (n > 0) left.set(c, n - 1);
    return n === 0;
  });
}

function judgeRefusal(row: CorpusFile, o: Outcome): string[] {
  const found: string[] = [];
  if (!o.message.includes(row.file)) found.push(`refused without naming the file: ${o.message.trim().slice(0, 300)}`);
  if (o.outputExists) found.push('refused, but wrote a file at --out');
  return found;
}

/**
 * The pages it should have: qpdf's count from index.tsv; where qpdf 11 cannot count them (the engine's qpdf 12
 * repairs more), poppler's count when poppler can; null when neither can, and the file must be refused.
 */
async function expectedPages(row: CorpusFile): Promise<number | null> {
  return row.qpdfPages ?? (await countPages('pdfinfo', corpusPath(row.file)));
}

/** Everything wrong with an outcome, text aside (see `missingText`); empty when it is right. */
export async function judge(row: CorpusFile, o: Outcome, frontPages: number): Promise<string[]> {
  if (o.status === 'hung' || o.status === 'crashed') return [`${o.status}: ${o.message.trim().slice(0, 300)}`];
  if (o.status === 'refused') return judgeRefusal(row, o);
  if (row.encryption === 'user-password') return ['took a file that needs a password it was never given'];
  const expected = await expectedPages(row);
  if (expected === null) return ['took a file that neither qpdf nor poppler can count the pages of'];
  const found: string[] = [];
  // Damage in a source's streams is repaired or refused, never carried: every dossier passes, exit 0.
  if (o.qpdfCheck) found.push(`qpdf --check fails on the dossier: ${o.qpdfCheck.slice(0, 300)}`);
  if (o.outputPages !== frontPages + expected) {
    found.push(`the dossier has ${o.outputPages} pages by qpdf, want ${frontPages} front pages + ${expected}`);
  }
  const mapped = o.pageMap === null ? null : materialPages(o.pageMap);
  if (mapped !== expected) found.push(`the page map gives the material ${mapped} pages, want ${expected}`);
  return found;
}
