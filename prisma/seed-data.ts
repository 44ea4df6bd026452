// The invented demo company (any likeness to a real company is accidental). Static content only.

export const DEMO_PASSWORD = 'Wubiao@2026';
export const COMPANY_NAME = '华岳宏构建设集团有限公司';
export const ROOT_ORG_NAME = `${COMPANY_NAME}党委`;
export const FIRST_BRANCH_NAME = '滨江新城综合管廊项目党支部';
export const SECOND_BRANCH_NAME = '北环快速路三标段项目党支部';
export const OFFICE_BRANCH_NAME = '机关党支部';

export const DEPARTMENTS = [
  '党群工作部',
  '纪检监察部',
  '安全质量部',
  '人力资源部',
  '工程管理部',
  '财务资金部',
];
export const GENERAL_BRANCHES = ['第一工程分公司党总支', '第二工程分公司党总支'];

export type ProjectBranch = {
  key: string;
  name: string;
  /** index into GENERAL_BRANCHES, or null when directly under the committee */
  under: number | null;
  project: string;
  code: string;
  location: string;
  planned: [string, string];
  actual: [string | null, string | null];
  status: 'PREPARING' | 'ACTIVE' | 'ARCHIVED';
  groups: number;
  union?: boolean;
  youth?: boolean;
  members: number;
};

export const PROJECT_BRANCHES: ProjectBranch[] = [
  {
    key: 'first',
    name: FIRST_BRANCH_NAME,
    under: null,
    project: '滨江新城综合管廊工程',
    code: 'HY-2024-017',
    location: '江州市滨江新城',
    planned: ['2024-03-01', '2027-06-30'],
    actual: ['2024-03-18', null],
    status: 'ACTIVE',
    groups: 2,
    union: true,
    youth: true,
    members: 26,
  },
  {
    key: 'second',
    name: SECOND_BRANCH_NAME,
    under: null,
    project: '北环快速路三标段工程',
    code: 'HY-2025-004',
    location: '江州市北环路',
    planned: ['2025-02-15', '2027-12-31'],
    actual: ['2025-03-01', null],
    status: 'ACTIVE',
    groups: 1,
    union: true,
    members: 22,
  },
  {
    key: 'lingang',
    name: '临港物流园一期项目党支部',
    under: 0,
    project: '临港物流园一期工程',
    code: 'HY-2024-031',
    location: '海宁港区',
    planned: ['2024-08-01', '2026-12-31'],
    actual: ['2024-08-20', null],
    status: 'ACTIVE',
    groups: 1,
    members: 18,
  },
  {
    key: 'yunling',
    name: '云岭隧道项目党支部',
    under: 0,
    project: '云岭隧道及接线工程',
    code: 'HY-2023-022',
    location: '云岭县',
    planned: ['2023-10-01', '2027-03-31'],
    actual: ['2023-11-05', null],
    status: 'ACTIVE',
    groups: 2,
    union: true,
    youth: true,
    members: 24,
  },
  {
    key: 'qingxi',
    name: '青溪水厂扩建项目党支部',
    under: 0,
    project: '青溪水厂扩建工程',
    code: 'HY-2025-011',
    location: '青溪镇',
    planned: ['2025-05-01', '2026-12-31'],
    actual: ['2025-05-12', null],
    status: 'ACTIVE',
    groups: 1,
    members: 14,
  },
  {
    key: 'donghu',
    name: '东湖科创园项目党支部',
    under: 0,
    project: '东湖科创园一期房建工程',
    code: 'HY-2025-019',
    location: '江州市东湖区',
    planned: ['2025-07-01', '2027-09-30'],
    actual: ['2025-07-10', null],
    status: 'ACTIVE',
    groups: 1,
    members: 16,
  },
  {
    key: 'nanshan',
    name: '南山大桥项目党支部',
    under: 1,
    project: '南山大桥新建工程',
    code: 'HY-2024-008',
    location: '南山区跨江段',
    planned: ['2024-01-15', '2027-06-30'],
    actual: ['2024-02-01', null],
    status: 'ACTIVE',
    groups: 2,
    union: true,
    youth: true,
    members: 25,
  },
  {
    key: 'chengxi',
    name: '城西安置房项目党支部',
    under: 1,
    project: '城西片区安置房工程',
    code: 'HY-2024-026',
    location: '江州市城西片区',
    planned: ['2024-06-01', '2026-12-31'],
    actual: ['2024-06-15', null],
    status: 'ACTIVE',
    groups: 1,
    members: 17,
  },
  {
    key: 'zhanqian',
    name: '高铁站前广场项目党支部',
    under: 1,
    project: '高铁站前广场及配套工程',
    code: 'HY-2025-002',
    location: '江州高铁站',
    planned: ['2025-01-10', '2026-10-31'],
    actual: ['2025-01-20', null],
    status: 'ACTIVE',
    groups: 1,
    members: 15,
  },
  {
    key: 'xijiang',
    name: '西江航道整治项目党支部',
    under: 1,
    project: '西江航道整治工程',
    code: 'HY-2025-015',
    location: '西江下游',
    planned: ['2025-04-01', '2027-04-30'],
    actual: ['2025-04-18', null],
    status: 'ACTIVE',
    groups: 1,
    members: 14,
  },
  {
    key: 'changfang',
    name: '经开区标准厂房项目党支部',
    under: null,
    project: '经开区标准厂房工程',
    code: 'HY-2025-023',
    location: '江州经济开发区',
    planned: ['2025-09-01', '2027-02-28'],
    actual: ['2025-09-15', null],
    status: 'ACTIVE',
    groups: 0,
    members: 12,
  },
  {
    key: 'yanjiang',
    name: '沿江大道改造项目党支部',
    under: null,
    project: '沿江大道综合改造工程',
    code: 'HY-2024-012',
    location: '江州市沿江大道',
    planned: ['2024-04-01', '2026-12-31'],
    actual: ['2024-04-10', null],
    status: 'ACTIVE',
    groups: 1,
    members: 16,
  },
  {
    key: 'metro',
    name: '地铁3号线土建七标项目党支部',
    under: null,
    project: '江州地铁3号线土建七标',
    code: 'HY-2023-030',
    location: '江州地铁3号线',
    planned: ['2023-12-01', '2027-08-31'],
    actual: ['2023-12-20', null],
    status: 'ACTIVE',
    groups: 2,
    union: true,
    youth: true,
    members: 23,
  },
  {
    key: 'cuihu',
    name: '翠湖片区棚改项目党支部',
    under: null,
    project: '翠湖片区棚户区改造工程',
    code: 'HY-2026-021',
    location: '江州市翠湖片区',
    planned: ['2026-11-01', '2028-10-31'],
    actual: [null, null],
    status: 'PREPARING',
    groups: 0,
    members: 6,
  },
  {
    key: 'laocheng',
    name: '老城排水管网改造项目党支部',
    under: null,
    project: '老城区排水管网改造工程',
    code: 'HY-2023-005',
    location: '江州市老城区',
    planned: ['2023-03-01', '2026-05-31'],
    actual: ['2023-03-10', '2026-06-20'],
    status: 'ARCHIVED',
    groups: 0,
    members: 10,
  },
];

/** Key units (重点单位) by year, by branch key. */
export const KEY_UNITS: Record<number, string[]> = {
  2025: ['first', 'yunling', 'chengxi', 'metro'],
  2026: ['first', 'second', 'yunling', 'nanshan', 'metro'],
};

export const DEMO_ACCOUNTS = [
  {
    username: 'admin',
    name: '赵文博',
    role: 'ADMIN',
    scope: 'root',
    memberOf: 'office',
    phone: '13900010001',
  },
  {
    username: 'secadmin',
    name: '郑海洋',
    role: 'SECURITY_ADMIN',
    scope: 'root',
    memberOf: 'office',
    phone: '13900010008',
  },
  {
    username: 'auditadmin',
    name: '何静',
    role: 'AUDIT_ADMIN',
    scope: 'root',
    memberOf: 'office',
    phone: '13900010009',
  },
  {
    username: 'committee',
    name: '孙丽华',
    role: 'COMMITTEE',
    scope: 'root',
    memberOf: 'office',
    phone: '13900010002',
  },
  {
    username: 'auditor',
    name: '周建军',
    role: 'AUDITOR',
    scope: 'root',
    memberOf: 'office',
    phone: '13900010003',
  },
  {
    username: 'secretary',
    name: '陈志强',
    role: 'SECRETARY',
    scope: 'first',
    memberOf: 'first',
    phone: '13900010004',
  },
  {
    username: 'clerk',
    name: '刘晓燕',
    role: 'CLERK',
    scope: 'first',
    memberOf: 'first',
    phone: '13900010005',
  },
  {
    username: 'secretary2',
    name: '李海峰',
    role: 'SECRETARY',
    scope: 'second',
    memberOf: 'second',
    phone: '13900010006',
  },
  {
    username: 'member',
    name: '王磊',
    role: 'MEMBER',
    scope: 'first',
    memberOf: 'first',
    phone: '13900010007',
  },
] as const;

export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
/** Given names as people in China are named (whole names, not random characters): two characters mostly. */
export const GIVEN_NAMES = (
  '建华 志强 秀英 丽华 海燕 国平 晓明 文杰 婷婷 俊杰 子轩 雨桐 浩宇 欣怡 思远 嘉豪 静怡 志刚 红梅 春生 ' +
  '玉兰 建军 立新 永强 海涛 晓燕 晨阳 博文 一鸣 梓涵 宇航 佳慧 雪梅 振宇 鹏飞 明辉 晓峰 丽娟 卫国 志华 ' +
  '国栋 德明 春燕 文静 慧敏 建平 建伟 宏伟 亚楠 金凤 淑芬 学军 海波 东升 晓军 新华 志勇 桂芳 秀兰 明亮 ' +
  '凤英 建国 红霞 晓丽 俊峰 天宇 雅琴 少华 永红 晓宇 宏图 子豪 欣然 明轩 晓静 梦瑶 思琪 家乐 佳怡 宇轩 ' +
  '丹丹 伟东 春雷 国庆 小红 玉梅 海军 建新 军伟 立强 建强 德华 志军 文斌 永生 庆华 红英 美玲 丽萍 晓红 ' +
  '俊 伟 芳 敏 静 磊 军 勇 杰 涛 超 平 刚 辉 鹏 华 琳 颖 倩 斌 浩 宁 洁 帆 凯 晶 蕾 莉 鑫 昊'
).split(' ');

/**
 * Names the demo must never give an invented person: the country's leaders, past and present, so no generated
 * 党员 of a branch shares a name that reads as theirs.
 */
export const BLOCKED_NAMES = new Set(
  (
    '习近平 李强 赵乐际 王沪宁 蔡奇 丁薛祥 李希 韩正 何立峰 王毅 刘国中 张国清 陈文清 王小洪 吴政隆 谌贻琴 ' +
    '张又侠 何卫东 李干杰 李书磊 李鸿忠 陈敏尔 袁家军 黄坤明 马兴瑞 尹力 石泰峰 陈吉宁 李克强 栗战书 汪洋 ' +
    '王岐山 胡锦涛 温家宝 江泽民 朱镕基 李鹏 吴邦国 贾庆林 李长春 周永康 贺国强 刘云山 张高丽 胡春华 孙春兰 ' +
    '刘鹤 杨洁篪 郭声琨 许其亮 毛泽东 周恩来 刘少奇 朱德 邓小平 陈云 叶剑英 杨尚昆 李先念 乔石 李瑞环 尉健行 ' +
    '李岚清 曾庆红 黄菊 罗干 吴官正 彭丽媛'
  ).split(' '),
);

/** A person's name: a surname and a given name, never one of BLOCKED_NAMES. */
export function personName(rand: () => number): string {
  for (;;) {
    const n =
      SURNAMES[Math.floor(rand() * SURNAMES.length)]! + GIVEN_NAMES[Math.floor(rand() * GIVEN_NAMES.length)]!;
    if (!BLOCKED_NAMES.has(n)) return n;
  }
}

/** The i-th of a long deterministic run of names (seed:large), skipping BLOCKED_NAMES. */
export function nameAt(i: number): string {
  for (let k = i; ; k += 1) {
    const n =
      SURNAMES[k % SURNAMES.length]! +
      GIVEN_NAMES[(k * 7 + Math.floor(k / SURNAMES.length)) % GIVEN_NAMES.length]!;
    if (!BLOCKED_NAMES.has(n)) return n;
  }
}
