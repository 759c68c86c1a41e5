/**
 * zod's refusals in Chinese, with the field's path in words: the clerk who imports a profile never reads zod's
 * English, and is told "第 3 份材料的标题" rather than `materials.2.title`.
 */
import type { z } from 'zod';

const FIELD_WORDS: Record<string, string> = {
  schemaVersion: '格式版本',
  id: 'id',
  title: '标题',
  guideTitle: '指南标题',
  issuer: '发布单位',
  basis: '政策依据',
  year: '年度',
  words: '项目用语',
  programme: '项目名称',
  grant: '资助用语',
  cost: '费用用语',
  onlineSystem: '网上申报系统',
  applicant: '申报单位',
  acceptedKinds: '可申报的单位类型',
  applicantKinds: '单位类型',
  region: '注册地区',
  label: '名称',
  names: '地名',
  districts: '辖区',
  creditCodeRegionPrefixes: '信用代码地区码',
  creditCodeUndecidedPrefixes: '无法判断的地区码',
  tracks: '资助类别',
  claimants: '申领对象',
  base: '计算基数',
  ratePercent: '资助比例',
  rateChanges: '比例调整',
  caps: '限额',
  yuan: '金额（元）',
  scope: '限额范围',
  eligibleCostKinds: '可计入的费用类别',
  costPeriod: '费用计入期间',
  budgetNote: '预算说明',
  mode: '资助方式',
  conditions: '申报条件',
  group: '分组',
  number: '编号',
  question: '问题',
  noMeans: '答“否”的后果',
  mandatory: '是否必须',
  test: '判断方式',
  answeredBy: '回答来源',
  fact: '单位指标',
  shareOf: '占比名称',
  compare: '比较方式',
  value: '数值',
  unit: '单位',
  subject: '判断的日期',
  subjectLabel: '日期名称',
  window: '期间',
  event: '起算事件',
  eventLabel: '起算事件名称',
  fromMonths: '起始月数',
  toMonths: '截止月数',
  appliesTo: '适用对象',
  answeredYes: '答“是”的条件',
  agreements: '合同',
  roles: '合同双方',
  counterparty: '对方',
  requireListedProvider: '须为入库机构',
  forbidRelatedParty: '不得为关联方',
  requireModelFiling: '模型须备案',
  relatedPartyBasis: '关联方依据',
  relatedPartyQuestions: '关联方问题',
  criterion: '关联关系',
  servicePeriod: '服务期间',
  materials: '材料',
  description: '说明',
  source: '来源',
  requirement: '提交要求',
  exemptions: '免交情形',
  when: '适用情形',
  fileKinds: '文件类型',
  seal: '盖章',
  official: '加盖公章',
  crossPageWhenMultiPage: '多页加盖骑缝章',
  help: '提示',
  electronicCopy: '电子版',
  form: '材料形式',
  signedBy: '签字人',
  copies: '份数',
  spineText: '书脊文字',
  translationIfForeign: '外文须附译文',
  derivedFrom: '生成依据',
  paper: '纸质材料要求',
  size: '纸张规格',
  sizeExceptions: '纸张规格例外',
  duplex: '双面打印',
  numbering: '页码',
  continuous: '连续编页',
  skipBlank: '空白页不编页码',
  cover: '封面编页码',
  contents: '目录编页码',
  officialSealOnCover: '封面加盖公章',
  sealEveryMaterial: '每份材料加盖公章',
  crossPageSealWhenMultiPage: '多页加盖骑缝章',
  binding: '装订方式',
  dates: '日期',
  timeZone: '时区',
  utcOffset: '时差',
  onlineFiling: '网上申报期间',
  paperFiling: '书面材料受理期间',
  guidePublished: '指南发布日期',
  resultValidUntil: '结果有效期',
  reviewWorkingDays: '审核工作日数',
  from: '开始',
  to: '结束',
  workingDays: '按工作日计',
  submission: '受理信息',
  authority: '受理机关',
  appointment: '预约方式',
  app: '预约APP',
  steps: '预约步骤',
  note: '备注',
  phones: '咨询电话',
  purpose: '用途',
  onlineRoute: '网上申报路径',
  process: '办理流程',
  sharedContacts: '联系人重复规则',
  forbidWithinYear: '同年度禁止重复',
  trace: '原文对照',
  quote: '指南原文',
  encodedAt: '对应字段',
  // The manifest's fields (`assemble`/`check` read the same error map).
  profile: '方案',
  name: '名称',
  creditCode: '统一社会信用代码',
  registeredIn: '注册地',
  address: '地址',
  contact: '联系人',
  phone: '联系电话',
  established: '成立日期',
  employees: '员工人数',
  revenueYuan: '营业收入（元）',
  shares: '占比',
  facts: '单位指标',
  events: '事件日期',
  contract: '合同',
  provider: '模型服务机构',
  providerListed: '是否入库',
  relatedParty: '是否关联方',
  relatedPartyAnswers: '关联方问题的回答',
  model: '模型',
  modelFiling: '备案号',
  signedOn: '签订日期',
  serviceFrom: '服务开始日期',
  serviceTo: '服务结束日期',
  customerName: '合同甲方名称',
  customerCreditCode: '合同甲方信用代码',
  costs: '费用',
  amount: '金额',
  paidOn: '支付日期',
  date: '日期',
  files: '文件',
  path: '文件路径',
  notApplicable: '不适用',
  exempt: '免交',
  reason: '原因',
  options: '选项',
  autoFix: '自动整理页面',
  keepMarkup: '保留批注',
  numberStyle: '页码样式',
  sealMarkers: '盖章标记',
  sealPosition: '公章位置',
  landscape: '横向页',
  pages: '页面处理',
  skip: '略去的页',
  keep: '保留的页',
  rotate: '旋转',
  crop: '裁切',
  split: '分页',
  straighten: '纠偏',
  reduce: '压缩',
  deployment: '部署方式',
  kind: '类型',
};

/** A field path in words: `materials.2.title` → `材料第3项的标题`. */
export function pathInWords(path: readonly PropertyKey[]): string {
  return path
    .map((key) => (typeof key === 'number' ? `第${key + 1}项` : (FIELD_WORDS[String(key)] ?? `“${String(key)}”`)))
    .reduce((words, part, i) => (i === 0 ? part : part.startsWith('第') ? `${words}${part}` : `${words}的${part}`), '');
}

const TYPE_WORDS: Record<string, string> = {
  string: '文字',
  number: '数字',
  int: '整数',
  boolean: 'true 或 false',
  array: '列表',
  object: '对象（{…}）',
};

function tooSmall(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooSmall>): string {
  if (issue.origin === 'string') return '不能为空';
  if (issue.origin === 'array') return `至少要有 ${String(issue.minimum)} 项`;
  return `不能小于 ${String(issue.minimum)}`;
}

function tooBig(issue: z.core.$ZodRawIssue<z.core.$ZodIssueTooBig>): string {
  if (issue.origin === 'array') return `最多 ${String(issue.maximum)} 项`;
  return `不能大于 ${String(issue.maximum)}`;
}

/**
 * The error map for `safeParse(json, { error: chineseIssue })`: a Chinese message for every kind of issue zod
 * raises. Messages written in the schema itself (already Chinese) take precedence.
 */
export function chineseIssue(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? '缺少这一项' : `须是${TYPE_WORDS[issue.expected] ?? issue.expected}`;
    case 'too_small':
      return tooSmall(issue);
    case 'too_big':
      return tooBig(issue);
    case 'invalid_value':
      return `只能是 ${issue.values.map((v) => JSON.stringify(v)).join('、')} 之一`;
    case 'unrecognized_keys':
      return `有方案格式中没有的字段 ${issue.keys.map((k) => `“${k}”`).join('、')}，请检查拼写或删去`;
    case 'invalid_format':
      return '格式不对';
    case 'invalid_union':
      return '不符合任何一种允许的写法';
    case 'not_multiple_of':
      return `须是 ${String(issue.divisor)} 的整数倍`;
    default:
      return '内容无效';
  }
}
