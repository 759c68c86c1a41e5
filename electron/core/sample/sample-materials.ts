/**
 * The sample's materials, made when asked (nothing is bundled): PDFs for what a company prints, a JPEG for the
 * photographed licence, a PNG for the scanned commitment. Their figures agree with sample-records.ts.
 */
import { SAMPLE_COMPANY_NAME, SAMPLE_CREDIT_CODE } from '#shared/sample.ts';
import { sampleImage } from './sample-image.ts';
import { samplePdf } from './sample-pdf.ts';
import { sampleContract, sampleApplicant } from './sample-records.ts';
import type { SampleSheet } from './sample-sheet.ts';

export interface SampleFile {
  materialId: string;
  fileName: string;
  bytes: Uint8Array<ArrayBuffer>;
}

const seal = `申报单位（盖章）：${SAMPLE_COMPANY_NAME}`;

/** The programme's words (the profile's): the sample speaks of the programme it is a sample of. */
type Words = { programme: string; grant: string; cost: string };

const applicationForm = (words: Words): SampleSheet[] => [
  {
    title: '资助项目申请书',
    lines: [
      `项目类别：打造人工智能先锋城市项目扶持计划 · ${words.programme}（申领）`,
      `申报单位：${SAMPLE_COMPANY_NAME}`,
      `统一社会信用代码：${SAMPLE_CREDIT_CODE}`,
      `注册地：深圳市${sampleApplicant.registeredIn}`,
      `通讯地址：${sampleApplicant.address}`,
      `联系人：${sampleApplicant.contact}　联系电话：${sampleApplicant.phone}`,
      '',
      '项目名称：基于大模型的财务单据智能识别系统（示例）',
      `模型服务机构：${sampleContract.provider}（已入库）`,
      `使用模型：${sampleContract.model}　备案号：${sampleContract.modelFiling}`,
      '服务期间：2025年3月10日至2026年3月9日',
      `${words.cost}合计：240,000.00 元（API调用费 180,000.00 元，平台使用费 60,000.00 元）`,
      `申请${words.grant}额度：72,000.00 元（按费用的 30% 计算）`,
    ],
  },
  {
    title: '资助项目申请书（续）',
    lines: [
      '一、项目内容',
      '本项目通过调用已备案的大模型，自动识别发票、银行回单和报销单据，生成记账凭证草稿，由财务人员复核。',
      '二、实施地点',
      '深圳市南山区（本单位办公场所）。',
      '三、申报单位承诺',
      '本单位承诺不存在就同一建设内容向市有关部门多头申报的情形，所填信息真实、准确。',
    ],
    signature: seal,
  },
];

const statements: SampleSheet[] = [
  {
    title: '资产负债表（2024年12月31日）',
    lines: [
      `编制单位：${SAMPLE_COMPANY_NAME}　单位：元`,
      '',
      '货币资金　　　　　　　　3,260,000.00',
      '应收账款　　　　　　　　1,480,000.00',
      '固定资产　　　　　　　　　920,000.00',
      '资产总计　　　　　　　　5,660,000.00',
      '',
      '应付账款　　　　　　　　　640,000.00',
      '负债合计　　　　　　　　1,120,000.00',
      '所有者权益合计　　　　　4,540,000.00',
    ],
  },
  {
    title: '利润表（2023年度、2024年度）',
    lines: [
      `编制单位：${SAMPLE_COMPANY_NAME}　单位：元`,
      '',
      '项目　　　　　　　　　2023年度　　　　　2024年度',
      '营业收入　　　　　6,210,000.00　　　7,860,000.00',
      '营业成本　　　　　4,030,000.00　　　5,020,000.00',
      '利润总额　　　　　　610,000.00　　　　890,000.00',
      '净利润　　　　　　　520,000.00　　　　760,000.00',
    ],
    signature: seal,
  },
];

const creditReport: SampleSheet[] = [
  {
    title: '深圳信用网 · 企业信用报告（完整版）',
    lines: [
      '报告编号：SL-2025-000001（示例）',
      `企业名称：${SAMPLE_COMPANY_NAME}`,
      `统一社会信用代码：${SAMPLE_CREDIT_CODE}`,
      '成立日期：2019年3月18日　登记状态：存续',
      '',
      '一、登记信息：无异常。',
      '二、严重失信主体名单：未列入。',
      '三、经营异常名录：未列入。',
    ],
  },
  {
    title: '企业信用报告（完整版）第二部分',
    lines: [
      '四、行政处罚信息：无。',
      '五、司法信息：无。',
      '六、纳税信用等级：A 级（示例数据）。',
      '',
      '—— 报告结束 ——',
    ],
  },
];

const contract: SampleSheet[] = [
  {
    title: '模型服务合同',
    lines: [
      `甲方（委托方）：${SAMPLE_COMPANY_NAME}`,
      `乙方（服务方）：${sampleContract.provider}`,
      '',
      `第一条　乙方向甲方提供${sampleContract.model}的 API 调用服务和模型服务平台使用服务。`,
      `第二条　该模型已完成生成式人工智能服务备案，备案号：${sampleContract.modelFiling}。`,
      '第三条　服务期限自2025年3月10日起至2026年3月9日止。',
    ],
  },
  {
    title: '模型服务合同（续）',
    lines: [
      '第四条　费用',
      '1. API 调用费用：人民币 180,000.00 元，于2025年4月15日前支付；',
      '2. 模型服务平台使用费用：人民币 60,000.00 元，于2025年7月20日前支付；',
      '合计人民币 240,000.00 元（贰拾肆万元整）。',
      '第五条　甲乙双方确认，双方之间不存在控制关系，不同为第三者控制，亦无其他利益关联。',
    ],
  },
  {
    title: '模型服务合同（签署页）',
    lines: ['本合同一式两份，甲乙双方各执一份，自双方盖章之日起生效。', '签订日期：2025年3月1日'],
    signature: `甲方：${SAMPLE_COMPANY_NAME}　乙方：${sampleContract.provider}`,
  },
];

const plan: SampleSheet[] = [
  {
    title: '申报项目建设方案',
    lines: [
      '项目名称：基于大模型的财务单据智能识别系统（示例）',
      '一、建设目标：财务单据录入时间减少一半，差错率降到 1% 以下。',
      `二、使用模型：${sampleContract.model}（API 调用），由${sampleContract.provider}提供。`,
      '三、建设内容：单据采集、智能识别、凭证生成、人工复核四个模块。',
    ],
  },
  {
    title: '申报项目建设方案（续）',
    lines: [
      '四、建设安排',
      '2025年3月—5月：接口对接与试点；',
      '2025年6月—12月：全面上线；',
      '2026年1月—3月：效果评估与优化。',
      '五、预期效益：每年节省人工约 1,200 小时。',
    ],
    signature: seal,
  },
];

const licence: SampleSheet = {
  title: '营业执照（副本）',
  lines: [
    `统一社会信用代码　${SAMPLE_CREDIT_CODE}`,
    `名　　称　${SAMPLE_COMPANY_NAME}`,
    '类　　型　有限责任公司',
    '法定代表人　张示例',
    '注册资本　人民币 500 万元',
    '成立日期　2019年03月18日',
    `住　　所　${sampleApplicant.address}`,
    '登记机关　深圳市市场监督管理局（示例）',
  ],
};

const commitment = (words: Words): SampleSheet => ({
  title: '所提供材料真实性承诺书',
  lines: [
    '深圳市工业和信息化局：',
    `本单位${SAMPLE_COMPANY_NAME}郑重承诺：申报${words.programme}所提供的全部材料真实、准确、完整，不存在虚假记载、误导性陈述或重大遗漏。如有不实，本单位愿承担相应责任。`,
    '',
    '日期：2025年10月20日',
  ],
  signature: seal,
});

/** Every sample file, in the order the materials are bound. */
export async function sampleFiles(words: Words): Promise<SampleFile[]> {
  const pdf = async (materialId: string, fileName: string, sheets: SampleSheet[]) => ({
    materialId,
    fileName,
    bytes: await samplePdf(sheets),
  });
  return [
    await pdf('application-form', '示例-资助项目申请书.pdf', applicationForm(words)),
    {
      materialId: 'business-license',
      fileName: '示例-营业执照.jpg',
      bytes: await sampleImage(licence, { format: 'jpeg', width: 1600, aspect: 0.7 }),
    },
    await pdf('financial-statements', '示例-财务报表2023-2024.pdf', statements),
    await pdf('credit-report', '示例-信用报告.pdf', creditReport),
    {
      materialId: 'authenticity-commitment',
      fileName: '示例-真实性承诺书.png',
      bytes: await sampleImage(commitment(words), { format: 'png', width: 1240 }),
    },
    await pdf('service-contract', '示例-模型服务合同.pdf', contract),
    await pdf('construction-plan', '示例-项目建设方案.pdf', plan),
  ];
}
