// Texts of the demo audits (prisma/seed-audits.ts): what auditors would write on site.

/** What the team found, each with the criterion it concerns (a finding is filed against its own criterion). */
export const FINDINGS: {
  kind: 'PROBLEM' | 'DIFFICULTY' | 'GOOD_PRACTICE' | 'IMPRACTICAL_STANDARD';
  text: string;
  criterion: string;
  /** A problem on a graded criterion: the level it scores (C5.1: 3 一般, 4 差 — 补记 or 造假 is 差). */
  level?: number;
  /** Only where it can be true of the unit. */
  of?: RegExp;
}[] = [
  { kind: 'PROBLEM', text: '支委会会议记录与签到表日期不一致，存在事后补记', criterion: 'C5.1', level: 4 },
  {
    kind: 'PROBLEM',
    text: '“三会一课”台账中党课记录内容照抄文件，未结合项目实际',
    criterion: 'C5.1',
    level: 3,
  },
  { kind: 'PROBLEM', text: '有党员党费未按月交纳，台账未注明欠交原因和补交安排', criterion: 'C2.5' },
  { kind: 'PROBLEM', text: '主题党日活动照片与活动记录对不上，记录不真实', criterion: 'C5.1', level: 4 },
  {
    kind: 'DIFFICULTY',
    text: '项目地处偏远，党员分散在多个工区，集中学习难以组织，需党群工作部支持线上学习平台',
    criterion: 'C1.2',
    of: /隧道|大桥|高速|山/,
  },
  {
    kind: 'DIFFICULTY',
    text: '支部书记由项目经理兼任，工程抢工期间党务工作无人专门负责，需人力资源部配备专职党务工作者',
    criterion: 'C6.5',
    of: /项目/,
  },
  {
    kind: 'GOOD_PRACTICE',
    text: '把“党员责任区”划到每个作业面，安全隐患随手拍、随手报，值得推广',
    criterion: 'C6.1',
  },
  { kind: 'GOOD_PRACTICE', text: '与业主、监理单位党组织开展联建，共同组织质量安全攻关', criterion: 'C4.3' },
  {
    kind: 'IMPRACTICAL_STANDARD',
    text: '手册第3条要求党员大会参会率不低于90%，施工高峰期党员轮班作业难以达到，建议允许分场次召开并及时补学',
    criterion: 'C3.1',
  },
];

export const NOTES_BY_METHOD = {
  DOCUMENT_CHECK: '查阅了“三会一课”记录本、党费收缴台账、主题党日活动记录及照片，抽查近三个月台账。',
  INTERVIEW: '个别访谈支部书记、2名支委和3名普通党员，了解组织生活开展情况。',
  WRITTEN_TEST: '随机抽取3名党员进行应知应会提问，2人回答完整，1人对党费交纳标准不清楚。',
  SITE_VISIT: '查看了项目党员活动室、党建宣传栏和党员责任区公示牌。',
  WORK_REPORT: '听取支部书记关于本季度党建工作和标准化推进情况的汇报。',
} as const;

/**
 * A deduction's reason, by criterion: what an auditor writes for that criterion and nothing else (a 党费 lapse is
 * never the reason on 七一活动). The first fits one shortfall; later ones fit more.
 */
export const REASONS: Record<string, string[]> = {
  'C1.1': ['有一次支委会未把“第一议题”学习列为首项议程', '两次支委会“第一议题”只列标题，没有学习记录'],
  'C1.2': ['有一个月未组织党员集中学习', '有两个月未组织党员集中学习'],
  'C1.3': [
    '上半年未在支委会上分析研判职工思想动态和意识形态形势',
    '上半年未研判意识形态形势，项目公众号推文发布前也未经支部书记审核',
  ],
  'C2.1': ['新开工项目进场已超过15日，成立党支部的请示尚未报送'],
  'C2.2': ['支委会任期已满，换届请示未报送，也无延期批复'],
  'C2.3': ['一名发展对象的政治审查结论材料缺失', '两名入党积极分子的考察登记表有半年度未记载'],
  'C2.4': ['一名党员的组织关系介绍信逾期未报到', '两名党员的组织关系介绍信逾期未报到'],
  'C2.5': ['一名党员党费欠交一个月，台账未注明补交情况', '两名党员党费连续两个月未交纳'],
  'C2.6': ['本季度党费未在季度末前上缴党委', '本季度党费未按时上缴，上半年收缴情况也未公示'],
  'C3.1': ['本季度支部党员大会未召开', '两个季度未召开支部党员大会'],
  'C3.2': ['有一个月未召开支委会', '有两个月未召开支委会'],
  'C3.3': ['第二党小组有一个月未开党小组会', '第一、第二党小组各有一个月未开党小组会'],
  'C3.4': ['本季度未开展党课', '两个季度未开展党课'],
  'C3.5': ['年度组织生活会未召开'],
  'C3.6': ['年度民主评议党员未开展'],
  'C3.7': ['书记与一名党员今年尚未谈心谈话', '书记与两名党员今年尚未谈心谈话'],
  'C3.8': ['一名党员年度学时不足32学时', '两名党员年度学时不足32学时'],
  'C4.1': ['有一个月主题党日未开展', '有两个月主题党日未开展'],
  'C4.2': ['“七一”主题活动只有通知，没有活动记录和照片'],
  'C4.3': ['本季度未开展志愿服务活动', '本季度志愿服务和半年联建共建活动均未开展'],
  'C4.4': ['有一个月未报送党建信息稿件', '有两个月未报送党建信息稿件'],
  'C4.5': ['本季度读书分享会未召开', '读书分享会和劳动竞赛本期均无记录'],
  // A grade's reason is by level: 较好, 一般, 差 (好 takes no deduction).
  'C5.1': [
    '记录要素齐全',
    '三会一课记录缺少主持人和记录人签字',
    '党员大会记录缺少应到、实到人数和表决结果，党课讲稿照抄文件',
    '支委会会议记录与签到表日期不一致，存在事后补记',
  ],
  'C5.2': ['一名预备党员的档案缺少入党志愿书', '两名积极分子档案缺少培养考察登记表'],
  'C5.3': ['团支部活动台账缺少本季度记录', '工会台账和团支部台账均缺少本季度记录'],
  'C5.4': ['上级来文收发登记不全，三份文件未登记办理情况', '半年工作总结未报送，一份请示无批复登记'],
  'C5.5': ['上次检查的一项问题超过整改时限未销号', '上次检查的两项问题未按期整改销号'],
  'C6.1': [
    '先锋岗和责任区运行良好',
    '党员责任区公示牌信息与实际责任人不符',
    '先锋岗挂牌未明确承诺事项，责任区巡查记录有中断',
    '先锋岗有岗无责、挂牌了事',
  ],
  'C6.2': ['抢险任务中党员突击队无组建记录'],
  'C6.3': [
    '融合活动经常、成效明显',
    '“党建+安全”活动与项目安全管理脱节，成效不明显',
    '“党建+质量”攻关本期无进展，“党建+安全”活动流于形式',
    '本季度“党建+安全”“党建+质量”活动均未开展',
  ],
  'C6.4': ['本季度未开展廉洁教育', '本季度未开展廉洁教育，春节前未发廉洁提醒'],
  'C6.5': ['书记项目本季度无推进记录', '书记项目本季度无推进记录，工会未开展活动'],
};

/** The reason written beside a deduction: one of its own criterion's, the first for a single shortfall. */
export const reasonFor = (code: string, count: number) => {
  const r = REASONS[code] ?? ['现场检查发现该项未达到标准要求'];
  return r[Math.min(r.length - 1, Math.max(0, count - 1))]!;
};

type Row = { id: string; code: string };

/**
 * A finding that can be true of this unit: its unit constraint holds, and a problem on a computed criterion (党费)
 * is found only where the records give it.
 */
export function fits(
  f: (typeof FINDINGS)[number],
  orgName: string,
  computed: ReadonlyMap<string, { count: number }>,
  criteria: readonly Row[],
) {
  if (f.of && !f.of.test(orgName)) return false;
  const c = criteria.find((x) => x.code === f.criterion);
  if (f.kind === 'PROBLEM' && c && computed.has(c.id)) return computed.get(c.id)!.count > 0;
  return true;
}

const SECOND_HALF = /-Q[34]$|^\d{4}$/;

/**
 * An entered count its reason can describe in the audit's period: no more shortfalls than the reasons name; none for
 * setting up a branch (every audited branch exists); 谈心谈话 "this year" not before the second half; 春节's
 * 廉洁提醒 only in the first quarter; the half-year's 公示 only once the half is over; a record graded 差 only with
 * the finding that shows why (seed-audits: `level`).
 */
export function fitCount(code: string, entered: number, kind: string, periodKey: string) {
  if (kind === 'GRADE') return code === 'C5.1' ? Math.min(entered, 3) : entered;
  if (kind !== 'DEDUCTION') return entered;
  if (code === 'C2.1') return 0;
  if (code === 'C3.7' && !SECOND_HALF.test(periodKey)) return 0;
  const most =
    code === 'C6.4' && !periodKey.endsWith('-Q1')
      ? 1
      : code === 'C2.6' && !SECOND_HALF.test(periodKey)
        ? 1
        : (REASONS[code]?.length ?? 1);
  return Math.min(entered, most);
}

const CN = ['零', '一', '两', '三', '四', '五', '六', '七', '八', '九', '十'];
const cn = (n: number) => CN[n] ?? String(n);

/** A computed criterion's reason: what the records give, in the auditor's words, with the count. */
export function computedReason(code: string, n: number): string {
  const said: Record<string, string> = {
    'C2.2': '支委会任期已满，换届请示未报送，也无延期批复',
    'C2.3': `${cn(n)}名发展对象或积极分子的发展程序时间节点不符合规定`,
    'C2.4': `${cn(n)}名党员的组织关系介绍信逾期未报到`,
    'C2.5': `${cn(n)}名党员党费欠交，台账未注明补交情况`,
    'C3.1': n === 1 ? '有一个季度未召开支部党员大会' : `有${cn(n)}个季度未召开支部党员大会`,
    'C3.2': `有${cn(n)}个月未召开支委会`,
    'C3.4': `有${cn(n)}个季度未开展党课`,
    'C3.5': '年度组织生活会未召开',
    'C3.6': '年度民主评议党员未开展',
    'C3.8': `${cn(n)}名党员学时未达到规定要求`,
    'C4.1': `有${cn(n)}个月主题党日未开展`,
    'C5.5': `上次检查的${cn(n)}项问题超过整改时限未销号`,
  };
  return said[code] ?? reasonFor(code, n);
}
