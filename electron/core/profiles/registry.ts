/**
 * The programme profiles this installation knows: the built-in ones, plus those the clerk imported, kept as
 * `<data folder>/profiles/<id>.json`. Next year's voucher, or a sibling programme of the same plan, is a profile
 * file the clerk imports — not new code. A damaged file in the folder is named and skipped; it never stops the app.
 *
 * Reading is synchronous on purpose: the checks look a profile up inside synchronous rule code, and a profile file
 * is a few tens of kilobytes.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { profileJsonMaxLength } from '#shared/contract/profiles.ts';
import { UserFacingError } from '#shared/errors.ts';
import { builtInProfiles, findProfile, parseProfile, type Profile } from '#shared/profiles/index.ts';
import { fsyncDir, writeAtomically } from '../safety/atomic-output.ts';

/** What a list of profiles shows of each. */
export interface ProfileSummary {
  id: string;
  title: string;
  year: number;
  builtIn: boolean;
}

/** A `.json` file in the profiles folder that cannot be used, and why. */
export interface DamagedProfileFile {
  /** The file's name inside the profiles folder. */
  file: string;
  message: string;
}

export interface ProfileListing {
  /** Built-in and imported, newest year first. */
  profiles: ProfileSummary[];
  /** Skipped files, so the clerk can be told which one to import again. */
  damaged: DamagedProfileFile[];
}

export interface ImportOptions {
  /** Overwrite an imported profile of the same id whose content differs. */
  replace?: boolean;
}

const profileIdPattern = /^[a-z0-9-]+$/;

/** Where imported profiles live. */
export function profilesDirOf(dataDir: string): string {
  return path.join(dataDir, 'profiles');
}

function summaryOf(profile: Profile, builtIn: boolean): ProfileSummary {
  return { id: profile.id, title: profile.title, year: profile.year, builtIn };
}

/**
 * Reads a profile from the text of its JSON file; throws a `UserFacingError` (`profile-too-large`,
 * `profile-invalid`) whose message names what is wrong, down to the field.
 */
export function parseProfileText(text: string): Profile {
  if (text.length > profileJsonMaxLength) {
    throw new UserFacingError(
      'profile-too-large',
      '方案文件超过 1 MB，不像是方案文件。请确认选的是申报方案的 .json 文件。',
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new UserFacingError(
      'profile-invalid',
      `方案文件不是有效的 JSON（${(error as Error).message}）。请确认选的是申报方案的 .json 文件。`,
    );
  }
  const result = parseProfile(json);
  if (!result.ok) throw new UserFacingError('profile-invalid', `${result.error}。请改正方案文件后再导入。`);
  return result.value;
}

type ReadOutcome = { ok: true; profile: Profile } | { ok: false; message: string };

/** Reads one file of the profiles folder; what is wrong with it comes back as a message, never a throw. */
function readImported(dataDir: string, fileName: string): ReadOutcome {
  const id = fileName.replace(/\.json$/, '');
  if (!profileIdPattern.test(id))
    return { ok: false, message: '文件名须是方案 id 加 .json（只用小写字母、数字和连字符）' };
  if (findProfile(id)) return { ok: false, message: `与内置方案“${id}”同名，已忽略` };
  try {
    const profile = parseProfileText(readFileSync(path.join(profilesDirOf(dataDir), fileName), 'utf8'));
    if (profile.id !== id) return { ok: false, message: `文件名是 ${fileName}，里面的方案 id 却是“${profile.id}”` };
    return { ok: true, profile };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}

/** The `.json` files of the profiles folder (none when it does not exist); hidden temp files are not among them. */
function profileFileNames(dataDir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(profilesDirOf(dataDir));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  return names.filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
}

/**
 * Every profile this data folder can use: the built-in ones and the imported ones, newest year first; files that
 * cannot be used are listed in `damaged` with the reason, and skipped.
 * @example
 * const { profiles, damaged } = listProfiles(dataDir);
 * for (const d of damaged) warn(`${d.file}：${d.message}`);
 */
export function listProfiles(dataDir: string): ProfileListing {
  const profiles = builtInProfiles.map((p) => summaryOf(p, true));
  const damaged: DamagedProfileFile[] = [];
  for (const file of profileFileNames(dataDir)) {
    const outcome = readImported(dataDir, file);
    if (outcome.ok) profiles.push(summaryOf(outcome.profile, false));
    else damaged.push({ file, message: outcome.message });
  }
  profiles.sort((a, b) => b.year - a.year || a.id.localeCompare(b.id));
  return { profiles, damaged };
}

/**
 * The profile with this id — built-in first, then imported — or `undefined` when there is none. An imported file
 * that is there but damaged throws `profile-damaged`, naming the file: the clerk needs to know why an application's
 * profile is unusable, not be told it never existed.
 */
export function findProfileIn(dataDir: string, id: string): Profile | undefined {
  const builtIn = findProfile(id);
  if (builtIn) return builtIn;
  if (!profileIdPattern.test(id)) return undefined;
  const fileName = `${id}.json`;
  if (!existsSync(path.join(profilesDirOf(dataDir), fileName))) return undefined;
  const outcome = readImported(dataDir, fileName);
  if (outcome.ok) return outcome.profile;
  throw new UserFacingError(
    'profile-damaged',
    `申报方案文件 ${path.join(profilesDirOf(dataDir), fileName)} 已损坏：${outcome.message}。请重新导入方案“${id}”的文件。`,
  );
}

/**
 * Whether importing `profile` writes its file, or finds the same content already there; refuses a built-in id, and
 * other content under an imported id without `replace`.
 */
function importAction(dataDir: string, profile: Profile, replace: boolean): 'unchanged' | 'write' {
  if (findProfile(profile.id)) {
    throw new UserFacingError(
      'profile-builtin',
      `字段 id：“${profile.id}”是卷宗内置的方案，不能用导入的文件代替。新一年的方案或另一个项目请在文件中改用新的 id，例如 sz-model-voucher-2026。`,
    );
  }
  const fileName = `${profile.id}.json`;
  if (!existsSync(path.join(profilesDirOf(dataDir), fileName))) return 'write';
  const stored = readImported(dataDir, fileName);
  // A damaged file is what re-importing repairs: it is replaced without asking.
  if (!stored.ok) return 'write';
  if (JSON.stringify(stored.profile) === JSON.stringify(profile)) return 'unchanged';
  if (replace) return 'write';
  throw new UserFacingError(
    'profile-exists',
    `已导入过方案“${profile.id}”（${stored.profile.title}），内容与这个文件不同。确要用这个文件替换它，请选择“替换”（命令行加 --replace）。`,
  );
}

/**
 * Validates a profile file's text and keeps it in the data folder (temp file, fsync, rename), so that
 * applications, checks and dossiers can name it by id. Importing the same content twice changes nothing.
 * @example
 * const summary = await importProfile(dataDir, await readFile('sz-model-voucher-2026.json', 'utf8'));
 * // → { id: 'sz-model-voucher-2026', title: <the profile's title>, year: 2026, builtIn: false }
 */
export async function importProfile(
  dataDir: string,
  jsonText: string,
  options: ImportOptions = {},
): Promise<ProfileSummary> {
  const profile = parseProfileText(jsonText);
  if (importAction(dataDir, profile, options.replace ?? false) === 'write') {
    const dir = profilesDirOf(dataDir);
    const created = await mkdir(dir, { recursive: true });
    if (created) await fsyncDir(dataDir);
    const text = `${JSON.stringify(profile, null, 2)}\n`;
    await writeAtomically(path.join(dir, `${profile.id}.json`), (file) => file.writeFile(text, 'utf8'), { dataDir });
  }
  return summaryOf(profile, false);
}
