// Texts of the demo audits (prisma/seed-audits.ts): what auditors would write on site.

export const FINDINGS: {
  kind: 'PROBLEM' | 'DIFFICULTY' | 'GOOD_PRACTICE' | 'IMPRACTICAL_STANDARD';
  text: string;
}[] = [
  { kind: 'PROBLEM', text: '支委会会议记录与签到表日期不一致，存在事后补记' },
  { kind: 'PROBLEM', text: '“三会一课”台账中党课记录内容照抄文件，未结合项目实际' },
  { kind: 'PROBLEM', text: '两名党员党费连续两个月未按时交纳' },
  { kind: 'PROBLEM', text: '主题党日活动照片与活动记录对不上' },
  {
    kind: 'DIFFICULTY',
    text: '项目地处偏远，党员分散在三个工区，集中学习难以组织，需党群工作部支持线上学习平台',
  },
  {
    kind: 'DIFFICULTY',
    text: '支部书记由项目经理兼任，工程抢工期间党务工作无人专门负责，需人力资源部配备专职党务工作者',
  },
  { kind: 'GOOD_PRACTICE', text: '把“党员责任区”划到每个作业面，安全隐患随手拍、随手报，值得推广' },
  { kind: 'GOOD_PRACTICE', text: '与业主、监理单位党组织开展联建，共同组织质量安全攻关' },
  {
    kind: 'IMPRACTICAL_STANDARD',
    text: '手册要求每月集中学习不少于4学时，施工高峰期难以落实，建议改为按季度累计',
  },
];

export const NOTES_BY_METHOD = {
  DOCUMENT_CHECK: '查阅了“三会一课”记录本、党费收缴台账、主题党日活动记录及照片，抽查近三个月台账。',
  INTERVIEW: '个别访谈支部书记、2名支委和3名普通党员，了解组织生活开展情况。',
  WRITTEN_TEST: '随机抽取3名党员进行应知应会提问，2人回答完整，1人对党费交纳标准不清楚。',
  SITE_VISIT: '查看了项目党员活动室、党建宣传栏和党员责任区公示牌。',
  WORK_REPORT: '听取支部书记关于本季度党建工作和标准化推进情况的汇报。',
} as const;
