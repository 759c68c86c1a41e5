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
}

/** A PDF's page count by qpdf (which exits 3 on mere warnings) or poppler's pdfinfo; null when it cannot tell. */
export async function countPages(tool: 'qpdf' | 'pdfinfo', pdf: string): Promise<number | null> {
  const run = await runProcess(tool, tool === 'qpdf' ? ['--show-npages', pdf] : [pdf], 60_000);
  if (run.code !== 0 && run.code !== 3) return null;
  const match = tool === 'qpdf' ? /^(\d+)\s*$/.exec(run.stdout) : /^Pages:\s+(\d+)/m.exec(run.stdout);
  return match ? Number(match[1]) : null;
}

function materialPages(pageMap: string): number | null {
  try {
    const map = JSON.parse(pageMap) as { sections: { id: string; firstPage: number; lastPage: number }[] };
    const s = map.sections.find((x) => x.id === 'application-form');
    return s ? s.lastPage - s.firstPage + 1 : 0;
  } catch {
    return null;
  }
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

/** Everything wrong with an outcome; empty when it is right. */
export async function judge(row: CorpusFile, o: Outcome, frontPages: number): Promise<string[]> {
  if (o.status === 'hung' || o.status === 'crashed') return [`${o.status}: ${o.message.trim().slice(0, 300)}`];
  if (o.status === 'refused') return judgeRefusal(row, o);
  if (row.encryption === 'user-password') return ['took a file that needs a password it was never given'];
  const expected = await expectedPages(row);
  if (expected === null) return ['took a file that neither qpdf nor poppler can count the pages of'];
  const found: string[] = [];
  if (o.outputPages !== frontPages + expected) {
    found.push(`the dossier has ${o.outputPages} pages by qpdf, want ${frontPages} front pages + ${expected}`);
  }
  const mapped = o.pageMap === null ? null : materialPages(o.pageMap);
  if (mapped !== expected) found.push(`the page map gives the material ${mapped} pages, want ${expected}`);
  return found;
}
