/**
 * The clerk's names of the input fields the core may refuse, so that no internal path (`contract.serviceTo`,
 * `costs.0.paidOn`, `name`) ever reaches the window: a refusal names the field as the form labels it.
 */

const applicantLabels: Record<string, string> = {
  name: '单位名称',
  creditCode: '统一社会信用代码',
  kind: '单位类型',
  registeredIn: '注册地（区）',
  established: '成立日期',
  contact: '联系人',
  phone: '联系电话',
  address: '通讯地址',
};

const contractLabels: Record<string, string> = {
  provider: '模型服务机构（乙方）',
  providerListed: '模型服务机构是否已入库',
  relatedParty: '是否构成关联方',
  model: '模型名称',
  modelFiling: '模型的网信办备案号',
  signedOn: '合同签订日期',
  serviceFrom: '服务开始日期',
  serviceTo: '服务结束日期',
  deployment: '部署方式',
};

const costLabels: Record<string, string> = { kind: '类别', amountFen: '金额（元）', paidOn: '支付日期', note: '备注' };

const otherLabels: Record<string, string> = {
  fileName: '文件名',
  json: '方案文件',
  reason: '原因',
  year: '申报年度',
  questionId: '问题',
  answer: '回答',
};

/** Drops the wrapper a channel puts around its fields (`changes` of `applicants:update`). */
export function fieldKey(path: readonly PropertyKey[]): string {
  const parts = path[0] === 'changes' ? path.slice(1) : path;
  return parts.map(String).join('.');
}

/** The field as the form labels it (`第 1 笔费用的支付日期`), or null for a path the clerk never types. */
export function fieldLabel(key: string): string | null {
  const [head, second, third] = key.split('.');
  if (head === 'contract' && second) return contractLabels[second] ?? null;
  if (head === 'costs' && second !== undefined && /^\d+$/.test(second)) {
    const part = third ? (costLabels[third] ?? null) : null;
    return `第 ${Number(second) + 1} 笔费用${part ? `的${part}` : ''}`;
  }
  if (head && second === undefined) return applicantLabels[head] ?? otherLabels[head] ?? null;
  return null;
}
