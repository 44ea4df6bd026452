// Static content of the demo history (prisma/seed-history.ts): behaviour profiles of the invented
// branches and the texts people would have written. Any likeness to real units is accidental.

export type Profile = {
  onTime: number;
  late: number;
  /** Share of past tasks recorded in one burst just before the audit (faked ledgers). */
  burst?: number;
  chased?: boolean;
  /** Quarter (Q1–Q4) whose self-check sheet was never submitted. */
  missingSheet?: string;
  /** Quarter whose sheet the committee reopened (revision 2). */
  reopened?: string;
};

export const PROFILES: Record<string, Profile> = {
  default: { onTime: 0.78, late: 0.14 },
  滨江新城综合管廊项目党支部: { onTime: 0.86, late: 0.1, reopened: 'Q2' },
  北环快速路三标段项目党支部: { onTime: 0.8, late: 0.12 },
  城西安置房项目党支部: { onTime: 0.15, late: 0.05, burst: 0.72, chased: true },
  高铁站前广场项目党支部: { onTime: 0.55, late: 0.18, chased: true, missingSheet: 'Q3' },
  经开区标准厂房项目党支部: { onTime: 0.62, late: 0.2, missingSheet: 'Q2' },
};

/** A completion note that fits any task, or one of the action's own kind (党费, meetings, 主题党日). */
export function noteFor(action: { code: string; title: string }, pick: number): string {
  const own: Record<string, string[]> = {
    'A-12-1': ['党费已按月足额收缴，台账已登记', '一名党员出差，经支部同意下月一并交纳'],
    'A-12-2': ['本季度党费已上缴党委，凭证号已登记在台账'],
    'A-12-3': ['党费收缴情况已在党员大会上公示'],
    'A-03': ['按计划召开，请假党员已安排补学', '会议记录、签到表和表决结果已归档'],
    'A-04': ['先学习“第一议题”，再研究本月工作，会后形成纪要', '会议记录、签到表已归档'],
    'A-17': ['结合项目节点开展，照片和活动记录已上传', '与业主单位党组织联合开展'],
    'A-13': ['组织党员学习最新文件精神并开展交流研讨', '2人在外作业面，已通过线上平台补学'],
  };
  const notes = [
    ...(own[action.code] ?? own[action.code.slice(0, 4)] ?? []),
    `${action.title}已按计划完成，材料已归档`,
    '',
  ];
  return notes[pick % notes.length]!;
}

/** Evidence files named after what the action asks to keep ("会议记录、签到表" → 会议记录.png, 签到表.png). */
export function evidenceNameFor(action: { evidence: string; title: string }, pick: number): string {
  const kinds = action.evidence
    .split(/[、，,；;（）()]/)
    .map((x) => x.trim())
    .filter((x) => x.length >= 2 && x.length <= 16);
  return `${kinds.length ? kinds[pick % kinds.length] : action.title}.png`;
}

export const RATING_COMMENTS: Record<string, string> = {
  EXCELLENT: '程序规范、记录完整，可作为范例推广',
  GOOD: '按要求完成，记录较完整',
  FAIR: '完成了规定动作，但记录过于简单，缺少研讨内容',
  POOR: '记录与照片不一致，佐证材料不足',
};

/** Why the committee sent a completed task back: about that task's own kind of record. */
export function returnReasonFor(action: { code: string }, i: number): string {
  if (action.code.startsWith('A-12') || action.code.startsWith('A-39'))
    return '党费收缴明细与党员名册人数不一致，请核对';
  if (/^A-0[3-6]|^A-17/.test(action.code))
    return ['会议记录缺少签到表，请补充后重新提交', '佐证照片的拍摄日期与会议日期不符，请核实'][i % 2]!;
  return ['记录内容为模板原文，未体现本支部实际，请重新整理', '佐证材料不能说明事项已完成，请补充'][i % 2]!;
}

const CN_QUARTER = ['一', '二', '三', '四'];

/**
 * The demo's announcements, each written for the day it is dated (relative to the seed's today): this quarter's
 * audit notice ten days into the quarter, the year's 党费 reminder three weeks ago, the 安全生产月 plan on the
 * latest 1 June.
 */
export const ANNOUNCEMENTS: ((today: string) => {
  title: string;
  body: string;
  target: string;
  day: string;
  readShare: number;
})[] = [
  (today) => {
    const y = Number(today.slice(0, 4));
    const q = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
    const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
    const ten = new Date(Date.parse(`${start}T00:00:00Z`) + 9 * 86_400_000).toISOString().slice(0, 10);
    const last = q * 3 + 3;
    return {
      title: `关于开展${y}年第${CN_QUARTER[q]}季度基层党建标准化考核的通知`,
      body: `各基层党组织：\n公司党委定于${last}月中旬对各项目党支部开展第${CN_QUARTER[q]}季度标准化考核，重点单位逐一检查，其余单位随机抽查。\n请各支部对照《基层党建工作标准化管理手册》完成对标自查，于${last}月10日前提交对标自查评分表，并整理好相关台账。\n公司党委党群工作部`,
      target: 'root',
      day: ten < today ? ten : today,
      readShare: 0.55,
    };
  },
  (today) => {
    const day = new Date(Date.parse(`${today}T00:00:00Z`) - 21 * 86_400_000).toISOString().slice(0, 10);
    return {
      title: `关于做好${day.slice(0, 4)}年度党费收缴工作的提醒`,
      body: '各党支部：\n请严格按照手册第12条要求按月足额收缴党费，建立收缴明细台账，每半年向党员公示一次。年底前完成全年党费核对。',
      target: 'root',
      day,
      readShare: 0.8,
    };
  },
  (today) => {
    const y = today.slice(5) >= '06-01' ? Number(today.slice(0, 4)) : Number(today.slice(0, 4)) - 1;
    return {
      title: `第一工程分公司党总支${y}年“安全生产月”主题党日活动安排`,
      body: '各项目党支部：\n请结合6月“安全生产月”，组织党员开展“党员身边无事故”主题党日活动，活动照片和记录于6月30日前上传至系统。',
      target: '第一工程分公司党总支',
      day: `${y}-06-01`,
      readShare: 0.4,
    };
  },
];
