// Demo content of meeting records (prisma/seed-meetings.ts): topics, agendas and minutes as a project branch of a
// construction company writes them. Chinese content, English keys.

export const TOPICS: Record<string, string[]> = {
  COMMITTEE: [
    '研究部署本月党建工作和生产经营重点任务',
    '讨论确定入党积极分子培养联系人',
    '研究党费收缴情况和党员示范岗设置',
    '研究迎接公司党委对标考核的准备工作',
    '分析党员思想动态，安排书记谈心谈话',
    '研究主题党日活动方案',
    '研究“安全生产月”党员安全责任区划分',
    '讨论推荐年度优秀共产党员人选',
    '研究项目关键节点攻坚党员突击队组建',
    '研究台账整改和资料归档',
    '研究农民工工资支付监督工作',
    '研究季度党员大会议题',
  ],
  GENERAL_ASSEMBLY: [
    '传达学习公司党委工作会议精神，通报支部上季度工作',
    '通报党费收缴情况，讨论评选优秀共产党员',
    '学习《中国共产党纪律处分条例》，通报支部工作',
    '学习《中国共产党发展党员工作细则》，通报发展党员工作',
  ],
  GROUP: [
    '学习《中国共产党支部工作条例（试行）》',
    '交流党员岗位履职和示范岗创建情况',
    '学习公司安全生产专题会议精神',
    '学习身边典型事迹，交流心得体会',
    '讨论班组质量通病治理措施',
    '学习廉洁从业若干规定',
  ],
  PARTY_LECTURE: [
    '学习贯彻党的二十届四中全会精神',
    '学习贯彻党的二十届三中全会精神',
    '以高质量党建引领项目高质量履约',
    '深入学习贯彻中央八项规定精神',
    '弘扬劳模精神、劳动精神和工匠精神',
  ],
  THEME_DAY: [
    '重温入党誓词，缅怀革命先烈',
    '“安全生产月”党员先锋岗亮身份',
    '走进红色教育基地，接受党性教育',
    '党员志愿服务进社区',
    '“学党史、强担当”知识竞赛',
    '党员突击队关键节点攻坚',
    '廉洁文化进工地',
    '为农民工兄弟办实事',
    '重温党章，对照检视',
    '开展“我为群众办实事”现场服务',
    '组织党员参观项目质量样板',
    '节前廉洁提醒和安全检查',
  ],
  ORG_LIFE: ['年度组织生活会：对照检视，开展批评和自我批评'],
  DEMOCRATIC_REVIEW: ['年度民主评议党员'],
  HEART_TALK: ['了解思想和工作情况，听取对支部工作的意见建议', '谈岗位履职和家庭困难，帮助解决实际问题'],
};

/**
 * Topics that belong to a season or follow an event: a plenum's spirit is studied after the plenum (三中全会
 * 2024-07-15/18, 四中全会 2025-10-20/23) and the 三中全会 until the next one; 安全生产月 is June; a holiday's 廉洁提醒
 * comes before 元旦/春节, 清明/五一 and 中秋/国庆; 优秀共产党员 are chosen in the weeks before 七一.
 */
const SEASON: Record<string, (day: string) => boolean> = {
  学习贯彻党的二十届四中全会精神: (day) => day >= '2025-10-24',
  学习贯彻党的二十届三中全会精神: (day) => day >= '2024-07-19' && day < '2025-10-24',
  '“安全生产月”党员先锋岗亮身份': (day) => day.slice(5, 7) === '06',
  '研究“安全生产月”党员安全责任区划分': (day) => day.slice(5, 7) === '05' || day.slice(5, 7) === '06',
  讨论推荐年度优秀共产党员人选: (day) => ['05', '06'].includes(day.slice(5, 7)),
  节前廉洁提醒和安全检查: (day) => ['01', '04', '09', '12'].includes(day.slice(5, 7)),
  '通报党费收缴情况，讨论评选优秀共产党员': (day) => ['05', '06'].includes(day.slice(5, 7)),
};

/** The topics of a kind that fit the day (every topic without a season fits). */
export const topicsOn = (kind: string, day: string) =>
  (TOPICS[kind] ?? []).filter((t) => SEASON[t]?.(day) ?? true);

export const AGENDAS: Record<string, string> = {
  COMMITTEE: '一、传达上级有关会议和文件精神；二、研究本次议题；三、部署下一步工作。',
  GENERAL_ASSEMBLY: '一、支部书记通报工作；二、学习上级会议精神；三、讨论表决有关事项。',
  GROUP: '一、集中学习；二、交流发言；三、党小组长小结。',
  PARTY_LECTURE: '一、授课；二、交流研讨；三、主持人小结。',
  THEME_DAY: '一、重温入党誓词；二、开展主题活动；三、交流体会。',
  ORG_LIFE:
    '一、通报上年度整改落实情况；二、支部班子对照检查；三、党员逐一发言，开展批评和自我批评；四、明确整改措施。',
  DEMOCRATIC_REVIEW:
    '一、党员个人总结；二、党员互评；三、无记名投票测评；四、支部委员会提出评定意见，支部党员大会讨论确定等次。',
  HEART_TALK: '',
};

export const MINUTES: Record<string, string> = {
  COMMITTEE:
    '会议由支部书记主持。书记传达了公司党委近期会议精神，结合项目当前施工节点，对本月党建工作作了安排。与会委员逐项讨论，形成决议。会议要求各委员抓好分管工作，月底前报送落实情况。',
  GENERAL_ASSEMBLY:
    '会议由支部书记主持。书记通报了支部上季度工作和党费收缴情况，组织学习了上级会议精神。与会党员围绕议题充分讨论，按程序进行了表决。',
  GROUP:
    '党小组长组织学习，党员结合岗位逐一发言，交流履职情况和存在的不足，党小组长作小结，明确下月学习安排。',
  PARTY_LECTURE:
    '授课人围绕主题，从理论要点、形势任务和项目实际三个方面进行了讲解。党员结合岗位交流了学习体会，主持人作了小结。',
  THEME_DAY: '支部组织党员重温入党誓词，开展了主题活动，党员交流了参加活动的体会。活动照片已上传。',
  ORG_LIFE:
    '会议通报了上年度组织生活会查摆问题整改情况。支部班子代表作对照检查，党员逐一发言，开展批评和自我批评，明确了整改措施和时限。',
  DEMOCRATIC_REVIEW:
    '党员逐一作个人总结，开展互评；组织无记名测评，支部委员会根据测评和日常表现提出评定意见，经支部党员大会讨论确定等次，结果在支部内公示。',
  HEART_TALK:
    '谈话人了解了谈话对象的思想、工作和生活情况，听取了意见建议，对其提出的困难作了记录并约定跟进。',
};

export const RESOLUTIONS: Record<string, string[]> = {
  COMMITTEE: ['同意本月党建工作安排', '同意确定培养联系人人选', '同意党员示范岗设置方案'],
  GENERAL_ASSEMBLY: ['同意支部上季度工作通报', '同意推荐优秀共产党员人选'],
};

export const PLACES = ['项目部一楼会议室', '项目部党员活动室', '现场党员先锋站', '项目部二楼会议室'];
export const ABSENCE_REASONS = ['夜班值守', '外出参加业主例会', '病假', '事假（家中有事）', '公司培训'];
export const MAKEUP_METHODS = ['观看会议录像并交心得体会', '支部书记当面传达会议精神', '自学会议材料并签字'];
export const LECTURERS = ['公司党委书记', '公司党群工作部部长', '市委党校讲师'];
