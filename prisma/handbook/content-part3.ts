// Part 3 of the demo handbook: 党建资料台账要求及范例 (articles 37–52). Invented content.
import type { SeedArticle, SeedPart } from './types';

const BG = ['BRANCH', 'GENERAL_BRANCH'] as const;

/** Every ledger article says the same kind of thing about keeping records; its substance differs. */
function ledger(a: {
  number: number;
  title: string;
  tag: string;
  contents: string;
  keeper: string;
  when: string;
  standard: string;
  action?: { title: string; frequency: 'MONTH' | 'QUARTER' | 'HALF_YEAR' | 'YEAR' | 'EVENT'; n: number };
  template?: SeedArticle['templates'][number];
}): SeedArticle {
  return {
    number: a.number,
    title: a.title,
    orgTypes: [...BG],
    tags: ['台账', a.tag],
    what: `${a.title}记载：${a.contents}`,
    who: `${a.keeper}负责记录和保管；支部书记每月审阅签字；上级检查时由支部书记负责说明。`,
    how: `1. 使用手册规定的模板，纸质与系统电子台账同步。\n2. 在本条“何时做”规定的时限内记录（${a.when.replace(/。$/, '')}），不得事后集中补记。\n3. 记录人、审阅人签字，附件（照片、签到表等）随记录归档。\n4. 按年度装订成册，项目撤销时随档案移交。`,
    when: a.when,
    standard: `${a.standard}记录真实、及时、完整，书写规范，不得涂改，不得事后集中补录；系统上传时间与活动时间相符。`,
    actions: a.action
      ? [
          {
            code: `A-${a.number}-1`,
            title: a.action.title,
            frequency: a.action.frequency,
            dueRule:
              a.action.frequency === 'EVENT'
                ? { kind: 'DAYS_AFTER_EVENT', n: a.action.n }
                : { kind: 'DAYS_AFTER_PERIOD_END', n: a.action.n },
            responsibleRole: 'CLERK',
            evidence: `${a.title}（电子台账及扫描件）`,
            orgTypes: [...BG],
          },
        ]
      : [],
    templates: a.template ? [a.template] : [],
  };
}

export const PART3: SeedPart = {
  number: 3,
  title: '党建资料台账要求及范例',
  articles: [
    ledger({
      number: 37,
      title: '三会一课记录',
      tag: '三会一课',
      contents:
        '按会议类别分别记录支部党员大会、支委会、党小组会和党课，要素包括时间、地点、主持人、记录人、应到实到人数、缺席人员及原因、议题、发言要点、决议事项。',
      keeper: '党务工作者（组织委员）',
      when: '每次会议当场记录，会后3日内整理完毕。',
      standard:
        '与会议次数一一对应，全年党员大会不少于4次、支委会不少于12次、党小组会不少于12次、党课不少于4次。',
      action: { title: '整理归档三会一课记录', frequency: 'MONTH', n: 5 },
      template: {
        fileName: '三会一课记录本.docx',
        kind: 'TEMPLATE',
        title: '三会一课会议记录模板',
        docx: {
          heading: '党支部会议记录',
          paragraphs: [
            '会议类别：□支部党员大会　□支委会　□党小组会　□党课',
            '时间：____年__月__日__时　地点：__________',
            '主持人：______　记录人：______',
            '应到____人，实到____人；缺席人员及原因：______________',
            '议题：',
            '发言要点：',
            '决议事项（责任人、完成时限）：',
            '主持人签字：______　记录人签字：______',
          ],
        },
      },
    }),
    ledger({
      number: 38,
      title: '党员花名册',
      tag: '党员管理',
      contents:
        '记录党员姓名、性别、出生年月、学历、入党时间、转正时间、岗位、联系电话、党费交纳基数、所在党小组、组织关系转入转出时间。',
      keeper: '党务工作者',
      when: '党员变动后5日内更新；每季度与系统核对一次。',
      standard: '花名册人数与系统、党费台账人数一致，不出现“口袋党员”。',
      action: { title: '核对党员花名册', frequency: 'QUARTER', n: 10 },
      template: {
        fileName: '党员花名册.xlsx',
        kind: 'TEMPLATE',
        title: '党员花名册模板',
        xlsx: {
          sheet: '花名册',
          header: ['序号', '姓名', '性别', '出生年月', '学历', '入党时间', '岗位', '所在党小组', '联系电话'],
          rows: [
            ['1', '周明轩', '男', '1988-05', '本科', '2012-06-18', '项目总工', '第一党小组', '13800000001'],
            ['2', '吴晓静', '女', '1993-09', '硕士', '2017-12-20', '技术员', '第二党小组', '13800000002'],
          ],
        },
      },
    }),
    ledger({
      number: 39,
      title: '党费收缴台账',
      tag: '党费',
      contents: '逐月逐人登记党员交纳基数、比例、应交金额、实交金额、交纳日期，按季记录上缴金额和凭证号。',
      keeper: '党务工作者（组织委员）',
      when: '每月收缴后当日登记；每季度上缴后登记凭证。',
      standard: '应交与实交一致，金额与上缴凭证相符；半年公示一次。',
      action: { title: '登记党费收缴台账', frequency: 'MONTH', n: 3 },
      template: {
        fileName: '党费收缴台账.xlsx',
        kind: 'TEMPLATE',
        title: '党费收缴台账模板',
        xlsx: {
          sheet: '党费台账',
          header: [
            '月份',
            '姓名',
            '交纳基数（元）',
            '比例',
            '应交（元）',
            '实交（元）',
            '交纳日期',
            '经手人',
          ],
          rows: [
            ['2026-11', '周明轩', '9800', '1.5%', '147.00', '147.00', '2026-11-06', '刘晓燕'],
            ['2026-11', '吴晓静', '7200', '1.5%', '108.00', '108.00', '2026-11-06', '刘晓燕'],
          ],
        },
      },
    }),
    ledger({
      number: 40,
      title: '发展党员档案',
      tag: '发展党员',
      contents:
        '按“一人一档”收集入党申请书、谈话记录、积极分子培养考察登记表、政审材料、培训证书、入党志愿书、转正申请和审批材料。',
      keeper: '组织委员',
      when: '每个环节完成后7日内归档。',
      standard: '材料齐全、时间逻辑不倒挂，签字盖章完整。',
      action: { title: '发展党员材料归档', frequency: 'EVENT', n: 7 },
      template: {
        fileName: '入党积极分子培养考察登记表.docx',
        kind: 'TEMPLATE',
        title: '入党积极分子培养考察登记表',
        docx: {
          heading: '入党积极分子培养考察登记表',
          paragraphs: [
            '姓名：______　性别：____　出生年月：______',
            '申请入党时间：____年__月__日　确定为积极分子时间：____年__月__日',
            '培养联系人：______、______',
            '半年考察情况（培养联系人填写）：',
            '党小组意见：',
            '支部委员会意见：　　　　　　　　　　（盖章）　____年__月__日',
          ],
        },
      },
    }),
    ledger({
      number: 41,
      title: '主题党日活动记录',
      tag: '主题党日',
      contents: '记录每月主题党日的主题、时间、地点、参加人员、活动内容、党员发言或心得、照片。',
      keeper: '宣传委员',
      when: '活动当日记录，3日内上传系统。',
      standard: '全年12次，照片能反映活动主题和参加人数。',
      action: { title: '上传主题党日活动记录', frequency: 'MONTH', n: 3 },
      template: {
        fileName: '主题党日活动记录表.docx',
        kind: 'TEMPLATE',
        title: '主题党日活动记录表',
        docx: {
          heading: '主题党日活动记录表',
          paragraphs: [
            '活动主题：____________',
            '时间：____年__月__日　地点：________',
            '应到____人，实到____人',
            '活动内容：',
            '党员交流发言摘要：',
            '活动照片（2—4张，另附）',
          ],
        },
      },
    }),
    ledger({
      number: 42,
      title: '谈心谈话记录',
      tag: '谈心谈话',
      contents: '记录谈话时间、地点、谈话人、谈话对象、谈话主要内容、反映的问题及解决情况。',
      keeper: '支部书记和支委本人',
      when: '谈话后当日记录。',
      standard: '书记与党员谈话每年全覆盖，反映问题均有回应。',
      action: { title: '汇总谈心谈话记录', frequency: 'HALF_YEAR', n: 10 },
      template: {
        fileName: '谈心谈话记录表.docx',
        kind: 'TEMPLATE',
        title: '谈心谈话记录表',
        docx: {
          heading: '谈心谈话记录',
          paragraphs: [
            '谈话时间：____年__月__日　地点：________',
            '谈话人：______　谈话对象：______',
            '谈话主要内容：',
            '对象反映的问题和意见：',
            '处理或回应情况：',
            '谈话人签字：______',
          ],
        },
      },
    }),
    ledger({
      number: 43,
      title: '组织生活会资料',
      tag: '组织生活会',
      contents:
        '保存会议方案、学习记录、征求意见汇总、谈心谈话情况、对照检查材料、会议记录、整改清单和情况报告。',
      keeper: '组织委员',
      when: '会后15日内整理归档。',
      standard: '八类材料齐全，整改清单有销号记录。',
      action: { title: '归档组织生活会资料', frequency: 'YEAR', n: 15 },
    }),
    ledger({
      number: 44,
      title: '民主评议党员资料',
      tag: '民主评议',
      contents: '保存评议方案、党员个人总结、民主测评票和统计表、评定等次结果、公示材料、上报材料。',
      keeper: '组织委员',
      when: '评议结束后15日内归档。',
      standard: '测评票数与参评人数一致；等次评定有会议记录。',
      action: { title: '归档民主评议党员资料', frequency: 'YEAR', n: 15 },
      template: {
        fileName: '民主评议党员测评表.xlsx',
        kind: 'TEMPLATE',
        title: '民主评议党员测评表',
        xlsx: {
          sheet: '测评表',
          header: ['序号', '党员姓名', '优秀', '合格', '基本合格', '不合格', '备注'],
          rows: [
            ['1', '周明轩', '√', '', '', '', ''],
            ['2', '吴晓静', '', '√', '', '', ''],
          ],
        },
      },
    }),
    ledger({
      number: 45,
      title: '党员教育培训台账',
      tag: '教育培训',
      contents: '记录集中学习和培训的时间、内容、学时、参加人员，逐人累计年度学时。',
      keeper: '宣传委员',
      when: '每次学习后登记；每季度统计。',
      standard: '人均年度学时不少于32学时，统计与签到一致。',
      action: { title: '登记党员学时', frequency: 'QUARTER', n: 5 },
      template: {
        fileName: '党员学习学时登记表.xlsx',
        kind: 'TEMPLATE',
        title: '党员学习学时登记表',
        xlsx: {
          sheet: '学时登记',
          header: ['日期', '学习内容', '形式', '学时', '参加人员', '缺席人员及补学情况'],
          rows: [
            ['2026-10-09', '学习党章第一章', '集中学习', '2', '支部全体党员', '王磊（出差）已补学'],
            ['2026-10-23', '安全生产法专题', '专题培训', '3', '支部全体党员', '—'],
          ],
        },
      },
    }),
    ledger({
      number: 46,
      title: '党风廉政建设台账',
      tag: '党风廉政',
      contents: '保存责任书和承诺书、廉洁风险防控清单、廉洁教育记录、节日廉洁提醒、落实情况报告。',
      keeper: '纪检委员',
      when: '事项发生后7日内归档。',
      standard: '责任书全员签订；教育每季度有记录。',
      action: { title: '整理党风廉政建设台账', frequency: 'QUARTER', n: 10 },
    }),
    ledger({
      number: 47,
      title: '党员先锋岗和责任区台账',
      tag: '融合',
      contents: '记录先锋岗和责任区设置、承诺事项、巡查记录、季度评比结果和表彰情况。',
      keeper: '组织委员',
      when: '巡查记录每日；评比结果每季度。',
      standard: '设岗设区与现场一致，评比每季度有结果。',
      action: { title: '更新先锋岗和责任区台账', frequency: 'QUARTER', n: 10 },
    }),
    ledger({
      number: 48,
      title: '工会工作台账',
      tag: '工会',
      contents: '记录会员名册、职工诉求及回应、劳动竞赛、困难职工帮扶、农民工工资发放监督情况。',
      keeper: '项目工会主席',
      when: '事项发生后7日内登记。',
      standard: '诉求回应率100%，帮扶有签收。',
      action: { title: '登记工会工作台账', frequency: 'QUARTER', n: 10 },
    }),
    ledger({
      number: 49,
      title: '团支部工作台账',
      tag: '团支部',
      contents: '记录团员名册、团员学习、青年突击队和安全监督岗活动、推优入党情况。',
      keeper: '团支部书记',
      when: '活动后7日内登记。',
      standard: '团员学习每月有记录，推优程序完整。',
      action: { title: '登记团支部工作台账', frequency: 'QUARTER', n: 10 },
    }),
    ledger({
      number: 50,
      title: '请示报告和文件收发登记',
      tag: '文件管理',
      contents: '登记上级来文的收文时间、传达落实情况，支部请示报告的发文时间和批复情况。',
      keeper: '党务工作者',
      when: '收发当日登记。',
      standard: '上级文件传达落实率100%，请示有批复记录。',
      action: { title: '登记文件收发', frequency: 'MONTH', n: 5 },
    }),
    ledger({
      number: 51,
      title: '党建工作计划与总结',
      tag: '计划总结',
      contents: '保存年度党建工作计划、半年和年度总结、书记抓党建述职报告。',
      keeper: '支部书记',
      when: '计划每年1月；半年总结7月；年度总结次年1月。',
      standard: '计划有目标、有措施、有分工；总结对照计划逐项说明完成情况。',
      action: { title: '报送党建工作总结', frequency: 'HALF_YEAR', n: 10 },
      template: {
        fileName: '支部年度党建工作计划（范例）.docx',
        kind: 'EXAMPLE',
        title: '支部年度党建工作计划范例',
        docx: {
          heading: '北环快速路三标段项目党支部2026年党建工作计划',
          paragraphs: [
            '一、指导思想：以党建引领项目建设，推动党建与生产经营深度融合。',
            '二、工作目标：支部标准化考核达到优秀；主线桥梁节点按期完成；全年零安全事故。',
            '三、主要措施：1. 严格落实三会一课；2. 设立党员先锋岗6个、党员责任区8个；3. 开展“党建+安全”活动；4. 做好2名发展对象的培养。',
            '四、责任分工：书记负总责，组织委员负责组织建设和党费，宣传委员负责学习和宣传，纪检委员负责党风廉政。',
          ],
        },
      },
    }),
    ledger({
      number: 52,
      title: '检查整改台账',
      tag: '整改',
      contents: '记录各级检查（核标）发现的问题、整改措施、责任人、完成时限和销号情况，作为下次检查的重点。',
      keeper: '支部书记',
      when: '收到反馈单后5日内建账；整改完成后及时销号。',
      standard: '问题整改销号率100%，同类问题不重复出现。',
      action: { title: '建立检查问题整改台账', frequency: 'EVENT', n: 5 },
      template: {
        fileName: '检查问题整改台账.xlsx',
        kind: 'TEMPLATE',
        title: '检查问题整改台账模板',
        xlsx: {
          sheet: '整改台账',
          header: ['序号', '检查时间', '问题描述', '整改措施', '责任人', '完成时限', '完成情况', '销号日期'],
          rows: [
            [
              '1',
              '2026-09-18',
              '党小组会记录缺少发言要点',
              '补充记录规范培训，下月起逐条记录',
              '刘晓燕',
              '2026-10-31',
              '已完成',
              '2026-10-28',
            ],
          ],
        },
      },
    }),
  ],
};
