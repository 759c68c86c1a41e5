/** `juanzong profiles list [--json]`, `juanzong profiles import FILE [--replace]` and `juanzong profiles draft GUIDE.txt [--json]`. */
import { readFile, stat } from 'node:fs/promises';
import { draftProfile, splitGuide, type ProfileDraft } from '#shared/profiles/draft/index.ts';
import { profileJsonMaxLength } from '#shared/contract/profiles.ts';
import { isUserFacing } from '#shared/errors.ts';
import { importProfile, listProfiles, profilesDirOf } from '../../profiles/registry.ts';
import { parseCommandLine, wantsJsonOnly } from '../arguments.ts';
import { UsageError, type CliCommand, type CliContext } from '../command.ts';

async function runList(args: string[], ctx: CliContext): Promise<number> {
  const json = wantsJsonOnly(args, profilesListCommand.usage);
  const { profiles, damaged } = listProfiles(ctx.dataDir);
  if (json) ctx.stdout(`${JSON.stringify(profiles, null, 2)}\n`);
  else for (const p of profiles) ctx.stdout(`${p.id}\t${p.year}\t${p.builtIn ? '内置' : '已导入'}\t${p.title}\n`);
  for (const d of damaged)
    ctx.stderr(`提醒：${profilesDirOf(ctx.dataDir)} 中的 ${d.file} 无法使用，已跳过：${d.message}\n`);
  return 0;
}

async function readProfileFile(file: string): Promise<string> {
  try {
    if ((await stat(file)).size > profileJsonMaxLength) {
      throw new UsageError(`方案文件“${file}”超过 1 MB，不像是方案文件。请确认选的是申报方案的 .json 文件。`);
    }
    return await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`读不到方案文件“${file}”：请检查路径是否正确、文件是否存在。`);
  }
}

async function runImport(args: string[], ctx: CliContext): Promise<number> {
  const { values, operands: files } = parseCommandLine(args, {
    usage: profilesImportCommand.usage,
    options: { replace: { type: 'boolean' } },
    operands: { min: 1, max: 1 },
    missingOperands: '请给出一个方案文件。',
  });
  const text = await readProfileFile(files[0]!);
  try {
    const summary = await importProfile(ctx.dataDir, text, { replace: values.replace ?? false });
    ctx.stdout(`已导入申报方案：${summary.id}（${summary.year}，${summary.title}）\n`);
    return 0;
  } catch (error) {
    // The file is what is wrong (invalid, a built-in id, already imported): the input, so exit 2.
    if (isUserFacing(error)) throw new UsageError(`无法导入“${files[0]}”：${error.message}`);
    throw error;
  }
}

export const profilesListCommand: CliCommand = {
  words: ['profiles', 'list'],
  usage: 'profiles list [--json]',
  summary: '列出申报方案（内置的和已导入的）',
  run: runList,
};

export const profilesImportCommand: CliCommand = {
  words: ['profiles', 'import'],
  usage: 'profiles import FILE.json [--replace]',
  summary: '导入一份申报方案文件（新一年的指南或同一计划的其他项目）；--replace 替换已导入的同名方案',
  run: runImport,
};

/** A guide's text is a few pages; a larger file is not a guide. */
const guideTextMaxBytes = 1024 * 1024;

function draftArgs(args: string[]): { guide: string; json: boolean } {
  const { values, operands } = parseCommandLine(args, {
    usage: profilesDraftCommand.usage,
    summary: profilesDraftCommand.summary,
    options: { json: { type: 'boolean' } },
    operands: { min: 1, max: 1 },
    missingOperands: '请给出一个申请指南的文本文件（.txt，UTF-8）。',
  });
  return { guide: operands[0]!, json: values.json === true };
}

async function readGuideText(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    if ((await stat(file)).size > guideTextMaxBytes) {
      throw new UsageError(`指南文件“${file}”超过 1 MB，不像是申请指南的文本。请把指南另存为 UTF-8 的 .txt 文件再试。`);
    }
    bytes = await readFile(file);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`读不到指南文件“${file}”：请检查路径是否正确、文件是否存在。`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new UsageError(`指南文件“${file}”不是 UTF-8 编码的文本：请用记事本等把它另存为 UTF-8 的 .txt 文件再试。`);
  }
}

/** 1000000 → 100万元, 1234 → 1234元. */
const yuanText = (yuan: number) => (yuan % 10_000 === 0 ? `${yuan / 10_000}万元` : `${yuan}元`);

const capScopeWords = { 'company-year': '每家企业每年', project: '每个项目', track: '本途径合计' } as const;

/** "比例 30%，原则上不超过 100万元，最高不超过 200万元（每家企业每年）" for each track. */
function fundingLine(track: ProfileDraft['profile']['tracks'][number]): string {
  const caps = [...track.caps]
    .sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'soft' ? -1 : 1))
    .map(
      (c) => `${c.kind === 'soft' ? '原则上不超过' : '最高不超过'} ${yuanText(c.yuan)}（${capScopeWords[c.scope]}）`,
    );
  return [`比例 ${track.ratePercent}%`, ...caps].join('，');
}

function draftSummary(draft: ProfileDraft): string {
  const p = draft.profile;
  const placeholders = draft.gaps.filter((g) => g.placeholder).length;
  const lines = [
    `方案草稿：${p.title}（${p.year}）`,
    `指南：${p.guideTitle}`,
    `申报材料 ${p.materials.length} 项：`,
    ...p.materials.map((m, i) => `  ${i + 1}. [${m.group === 'common' ? '共性' : '专项'}] ${m.title}`),
    `申报条件 ${p.conditions.length} 条：${p.conditions.map((c) => c.number).join('、')}`,
    `称呼：${p.words.programme}；资助叫“${p.words.grant}”，费用叫“${p.words.cost}”`,
    ...p.tracks.map((t) => `资助${p.tracks.length > 1 ? `（${t.label}）` : ''}：${fundingLine(t)}`),
    `网络填报：${p.dates.onlineFiling.from} 至 ${p.dates.onlineFiling.to}；书面材料：${p.dates.paperFiling.from} 至 ${p.dates.paperFiling.to}`,
    `受理地点：${p.submission.window ?? '（指南未写）'}`,
    `电话：${(p.submission.phones ?? []).map((ph) => `${ph.purpose} ${ph.number}`).join('；') || '（指南未写）'}`,
    '',
    `还需要人来填写或决定的 ${draft.gaps.length} 处（其中 ${placeholders} 处是占位内容，必须改）：`,
    ...draft.gaps.map((g) => `  ${g.placeholder ? '[占位]' : '[确认]'} ${g.path}：${g.message}`),
    '',
    '用 --json 输出完整草稿；补全后用 juanzong check 试一份清单，再用 juanzong profiles import 导入。',
  ];
  return `${lines.join('\n')}\n`;
}

async function runDraft(args: string[], ctx: CliContext): Promise<number> {
  const { guide, json } = draftArgs(args);
  const text = await readGuideText(guide);
  if (splitGuide(text).sections.length === 0) {
    throw new UsageError(
      `“${guide}”不像按模板写的申请指南：没有找到“一、资助的项目类别”“五、项目的申报材料”等章节标题。请确认选的是指南全文的文本。`,
    );
  }
  const draft = draftProfile(text);
  ctx.stdout(json ? `${JSON.stringify(draft, null, 2)}\n` : draftSummary(draft));
  return 0;
}

export const profilesDraftCommand: CliCommand = {
  words: ['profiles', 'draft'],
  usage: 'profiles draft GUIDE.txt [--json]',
  summary: '从申请指南的文本起草一份申报方案，列出还需要人来填写或决定的地方；--json 输出 { profile, gaps }',
  run: runDraft,
};
