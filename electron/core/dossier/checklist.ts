/**
 * The checklist (核对清单) printed with the dossier: every material with its status, files, printed pages and
 * seals; the findings it is given (the list the window and `juanzong check` show); how to print and bind; where
 * and when to hand it in. A4, Chinese, small.
 */
import { PDFDocument, grayscale, type PDFFont, type PDFPage } from './pdf-lib.ts';
import {
  materialStatus,
  materialStatusLabels,
  pagesText,
  sealsText,
  setAsideInManifest,
} from '#shared/dossier/material-status.ts';
import { sealPlan } from '#shared/dossier/seal-plan.ts';
import type { Manifest } from '#shared/manifest.ts';
import type { Profile } from '#shared/profiles/index.ts';
import { manifestFilePath, type Finding } from '#shared/rules/index.ts';
import { embedDossierFont, textFont, type TextFont } from './font.ts';
import { chineseDate, wrapText } from './own-pages.ts';
import { A4, mm, type PageMap } from './types.ts';
import { writeAtomically } from '../safety/atomic-output.ts';
import { pageChangeLines } from './page-changes-text.ts';

export interface ChecklistInput {
  manifest: Manifest;
  profile: Profile;
  pageMap: PageMap;
  /** The application's findings, as `checkManifest` made them for the window and `juanzong check`: printed as given. */
  findings: Finding[];
  outPath: string;
}

/** A top-to-bottom writer of wrapped lines over as many A4 pages as it takes. */
class Sheet {
  private page!: PDFPage;
  private y = 0;
  private readonly left = mm(20);
  private readonly width = A4.width - mm(40);
  constructor(
    private readonly doc: PDFDocument,
    private readonly font: PDFFont,
    private readonly text: TextFont,
  ) {
    this.newPage();
  }

  private newPage(): void {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.y = A4.height - mm(20);
  }

  line(text: string, size = 10.5, indent = 0, gray = 0): void {
    for (const part of wrapText(this.text, text, size, this.width - indent)) {
      if (this.y < mm(20)) this.newPage();
      this.page.drawText(part, {
        x: this.left + indent,
        y: this.y - size,
        size,
        font: this.font,
        color: grayscale(gray),
      });
      this.y -= size * 1.55;
    }
  }

  heading(text: string): void {
    this.y -= 8;
    if (this.y < mm(40)) this.newPage();
    this.line(text, 13.5);
    this.y -= 2;
  }

  gap(points = 6): void {
    this.y -= points;
  }
}

function materialsSection(s: Sheet, input: ChecklistInput): void {
  const { manifest, profile, pageMap } = input;
  const rules = Object.fromEntries(profile.materials.map((m) => [m.id, m.seal]));
  const rows = sealPlan(pageMap, manifest.options, rules);
  s.heading('一、材料（按卷宗顺序）');
  profile.materials.forEach((pm, i) => {
    const m = manifest.materials.find((x) => x.id === pm.id);
    const row = rows.find((r) => r.id === pm.id);
    const setAside = setAsideInManifest(m);
    // What the dossier holds decides: a material with files that made no pages is missing from it.
    const status = row ? 'included' : materialStatus(setAside, 0);
    const pages = row ? pagesText(row.firstNumber, row.lastNumber) : '无页码';
    s.line(`${i + 1}．${pm.title}　［${materialStatusLabels[status]}］　${pages}`, 11);
    const files = (m?.files ?? []).map(manifestFilePath);
    if (row && files.length) s.line(`文件：${files.join('；')}`, 9.5, mm(6), 0.3);
    if (!row && setAside?.reason) s.line(`说明：${setAside.reason}`, 9.5, mm(6), 0.3);
    if (row && (row.officialSeal || row.crossPageSheets.length)) s.line(`盖章：${sealsText(row)}`, 9.5, mm(6), 0.3);
  });
  pageChangesPart(s, pageMap);
}

/** Every page the dossier left out or changed, so the clerk can check each against the original. */
function pageChangesPart(s: Sheet, pageMap: PageMap): void {
  const lines = pageChangeLines(pageMap);
  if (lines.length === 0) return;
  s.gap();
  s.line('页面处理（请对照原件核对；如有不妥，可在卷宗中逐页撤销后重新生成）：', 10.5);
  for (const line of lines) s.line(line, 9.5, mm(6), 0.3);
}

const SEVERITY_LABELS = { error: '错误', warning: '警告', info: '提示' } as const;

function findingsSection(s: Sheet, findings: Finding[]): void {
  s.heading('二、检查结果');
  if (findings.length === 0) s.line('没有发现问题。');
  for (const f of findings) s.line(`［${SEVERITY_LABELS[f.severity]}］${f.message}`, 10);
}

function printSection(s: Sheet, input: ChecklistInput): void {
  const { paper } = input.profile;
  const { options } = input.manifest;
  const blanks = input.pageMap.blankPages;
  s.heading('三、打印与装订');
  s.line(
    `1．用 ${paper.size} 纸${options.duplex ? '正反面（双面，长边翻转）' : '单面'}打印卷宗 PDF，共 ${input.pageMap.pages} 张页面，打印时选择“实际大小”（不要缩放）。`,
  );
  if (blanks.length)
    s.line(`2．第 ${blanks.join('、')} 张页面（按 PDF 顺序）是有意留出的空白背面，保持空白，不要删除。`);
  else s.line('2．卷宗中没有空白页。');
  s.line(
    paper.numbering.cover
      ? '3．页码已印在每个非空白页底部，封面为第 1 页，连续编到最后一页。'
      : '3．页码已印在封面以外的每个非空白页底部，连续编到最后一页。',
  );
  s.line(
    `4．在${paper.officialSealOnCover ? '封面和' : ''}每份材料第一页的“盖章处”加盖申报单位公章；多页材料在右侧“骑缝章”处加盖骑缝章。`,
  );
  s.line(`5．一式 ${paper.copies} 份，${paper.binding === 'perfect' ? '装订成册（胶装）' : '装订成册'}。`);
  s.line(`指南原文：${paper.quote}`, 9.5, 0, 0.35);
}

function periodText(p: { from: string; to: string }): string {
  const fmt = (t: string) => `${chineseDate(t.slice(0, 10))}${t.length > 10 ? ` ${t.slice(11)}` : ''}`;
  return `${fmt(p.from)} 至 ${fmt(p.to)}`;
}

function filingSection(s: Sheet, input: ChecklistInput): void {
  const { dates, submission } = input.profile;
  s.heading('四、递交');
  s.line(`网上填报：${periodText(dates.onlineFiling)}（网上预审通过后才能递交纸质材料）`);
  s.line(`纸质材料递交：${periodText(dates.paperFiling)}`);
  s.line(`受理地点：${submission.window ?? submission.authority}`);
  const { appointment, onlineRoute, phones } = submission;
  if (appointment) s.line(`预约：“${appointment.app}”APP —【${appointment.steps.join('】—【')}】。${appointment.note}`);
  if (onlineRoute) s.line(`网上申报路径：${onlineRoute.join(' — ')}`);
  for (const p of phones ?? []) s.line(`${p.purpose}电话：${p.number}`);
}

/** Writes the checklist PDF to `input.outPath` (through a temporary file beside it). */
export async function writeChecklist(input: ChecklistInput): Promise<void> {
  const doc = await PDFDocument.create();
  const font = await embedDossierFont(doc);
  const s = new Sheet(doc, font, textFont(font));
  s.line(`${input.profile.title} 申请材料核对清单`, 17);
  s.line(
    `申报单位：${input.manifest.applicant.name}　统一社会信用代码：${input.manifest.applicant.creditCode}`,
    10.5,
    0,
    0.3,
  );
  s.gap();
  materialsSection(s, input);
  findingsSection(s, input.findings);
  printSection(s, input);
  filingSection(s, input);
  doc.setTitle(`${input.manifest.applicant.name} 申请材料核对清单`);
  doc.setProducer('卷宗 Juanzong');
  const bytes = await doc.save();
  await writeAtomically(input.outPath, (file) => file.writeFile(bytes), { durable: false });
}
