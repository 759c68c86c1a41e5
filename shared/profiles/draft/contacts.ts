/**
 * Phones, routes and appointment steps as the guides write them.
 */

export interface FoundPhone {
  /** What to call about, e.g. 政策咨询. */
  purpose: string;
  number: string;
}

const phoneLine =
  /(?:^|[\s。；;，,])(?:\d+[.．、]\s*)?([^\s。；;，,：:\d]{2,12}?)(?:电话|热线)\s*[：:]\s*([\d\s\-－—、，,/／()（）]+)/g;
const areaNumber = /^(?:[(（]?(0\d{2,3})[)）]?[-－—\s]?)?(\d{7,8}|1\d{10})$/;

/**
 * The phones of one text. "技术支持电话：0755-88101744、88127031" is two numbers, the second in the same area code.
 */
export function findPhones(text: string): FoundPhone[] {
  const phones: FoundPhone[] = [];
  for (const m of text.matchAll(phoneLine)) {
    let area: string | undefined;
    for (const raw of m[2]!.split(/[、，,/／]/).map((n) => n.replace(/\s+/g, ''))) {
      const n = areaNumber.exec(raw);
      if (!n) continue;
      area = n[1] ?? area;
      const isMobile = n[2]!.length === 11;
      phones.push({ purpose: m[1]!, number: isMobile || !area ? n[2]! : `${area}-${n[2]}` });
    }
  }
  return phones;
}

/** The steps of a route written "A——B——C" (or with —, --, →, ＞), without a leading 登录 and a closing 。. */
export function routeSteps(text: string): string[] {
  return text
    .replace(/[。.]\s*$/, '')
    .split(/—{1,2}|-{2}|→|＞|>/)
    .map((s) => s.trim().replace(/^登录/, '').trim())
    .filter(Boolean);
}

export interface FoundAppointment {
  /** The app named in quotes before APP, e.g. i深圳. */
  app: string | undefined;
  /** The steps written 【…】—【…】. */
  steps: string[];
  /** The sentences after the steps (请按照预约时段提交材料). */
  note: string;
}

/** The appointment route of "预约指南：“i深圳”APP,操作流程：【办事预约】—【深圳市】…。请按照预约时段提交材料。". */
export function findAppointment(text: string): FoundAppointment | undefined {
  const steps = [...text.matchAll(/【([^】]+)】/g)].map((m) => m[1]!.trim());
  const app = /[“"]([^”"]+)[”"]\s*(?:APP|App|app|客户端|小程序)/.exec(text)?.[1];
  if (steps.length === 0 && app === undefined) return undefined;
  const afterSteps = text.slice(text.lastIndexOf('】') + 1).replace(/^[。.；;\s]+/, '');
  const note = afterSteps.replace(/[）)]\s*$/, '').trim();
  return { app, steps, note };
}
