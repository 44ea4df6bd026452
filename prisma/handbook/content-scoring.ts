// The demo 100-point scoring standard (考核标准). Every criterion cites the articles it checks.
import type { SeedCategory } from './types';

export const SCORING: SeedCategory[] = [
  {
    code: 'C1', title: '组织建设', criteria: [
      { code: 'C1.1', title: '项目党组织按规定及时设立、撤销', maxPoints: 4, unitDeduction: 2, cap: null, deductionRule: '未按时限设立或撤销的每项扣2分', articleNumbers: [1] },
      { code: 'C1.2', title: '支委会按期换届，分工明确', maxPoints: 3, unitDeduction: 3, cap: null, deductionRule: '未按期换届扣3分', articleNumbers: [2] },
      { code: 'C1.3', title: '发展党员程序规范、材料完整', maxPoints: 6, unitDeduction: 2, cap: null, deductionRule: '每发现一处程序缺项或时间倒挂扣2分', articleNumbers: [9, 10, 11] },
      { code: 'C1.4', title: '党员组织关系转接及时，花名册准确', maxPoints: 3, unitDeduction: 1, cap: null, deductionRule: '每发现一名党员关系未及时转接或花名册不符扣1分', articleNumbers: [16, 38] },
      { code: 'C1.5', title: '党费按月足额收缴、按季上缴、定期公示', maxPoints: 5, unitDeduction: 1, cap: null, deductionRule: '每缺一月收缴记录扣1分，未按季上缴或未公示每次扣2分', articleNumbers: [12, 39] },
    ],
  },
  {
    code: 'C2', title: '制度落实', criteria: [
      { code: 'C2.1', title: '支部党员大会每季度召开', maxPoints: 5, unitDeduction: 2, cap: null, deductionRule: '每缺一次扣2分，扣完为止', articleNumbers: [3, 37] },
      { code: 'C2.2', title: '支委会每月召开', maxPoints: 5, unitDeduction: 1, cap: null, deductionRule: '每缺一次扣1分，扣完为止', articleNumbers: [4, 37] },
      { code: 'C2.3', title: '党小组会每月召开', maxPoints: 4, unitDeduction: 0.5, cap: null, deductionRule: '每个党小组每缺一次扣0.5分', articleNumbers: [5, 37] },
      { code: 'C2.4', title: '党课每季度开展，书记每年讲党课', maxPoints: 4, unitDeduction: 1, cap: null, deductionRule: '每缺一次扣1分，书记未讲党课扣2分', articleNumbers: [6] },
      { code: 'C2.5', title: '组织生活会和民主评议党员按要求开展', maxPoints: 5, unitDeduction: 2.5, cap: null, deductionRule: '未开展扣2.5分，环节缺项每项扣1分', articleNumbers: [7, 8, 43, 44] },
      { code: 'C2.6', title: '谈心谈话全覆盖', maxPoints: 3, unitDeduction: 0.5, cap: null, deductionRule: '每少谈一人扣0.5分', articleNumbers: [14, 42] },
      { code: 'C2.7', title: '党员教育培训学时达标', maxPoints: 3, unitDeduction: 0.5, cap: null, deductionRule: '每有一名党员学时不足扣0.5分', articleNumbers: [13, 45] },
    ],
  },
  {
    code: 'C3', title: '主题活动', criteria: [
      { code: 'C3.1', title: '主题党日每月开展且主题鲜明', maxPoints: 5, unitDeduction: 1, cap: null, deductionRule: '每缺一次扣1分；主题与项目实际脱节的扣1分', articleNumbers: [17, 41] },
      { code: 'C3.2', title: '“七一”等节点活动开展', maxPoints: 3, unitDeduction: 1.5, cap: null, deductionRule: '未开展扣1.5分', articleNumbers: [24] },
      { code: 'C3.3', title: '志愿服务、联建共建活动', maxPoints: 3, unitDeduction: 1, cap: null, deductionRule: '每缺一次扣1分', articleNumbers: [27, 28] },
      { code: 'C3.4', title: '党建宣传和阵地建设', maxPoints: 3, unitDeduction: 0.5, cap: 3, deductionRule: '每缺一月信息报送扣0.5分', articleNumbers: [35] },
    ],
  },
  {
    code: 'C4', title: '台账资料', criteria: [
      { code: 'C4.1', title: '三会一课记录真实完整', maxPoints: 5, unitDeduction: 1, cap: null, deductionRule: '每发现一次记录要素缺失扣1分；发现补记、造假的本项不得分', articleNumbers: [37] },
      { code: 'C4.2', title: '发展党员档案一人一档', maxPoints: 3, unitDeduction: 1, cap: null, deductionRule: '每缺一份材料扣1分', articleNumbers: [40] },
      { code: 'C4.3', title: '党风廉政、工会、团支部台账齐全', maxPoints: 3, unitDeduction: 1, cap: null, deductionRule: '每缺一类台账扣1分', articleNumbers: [46, 48, 49] },
      { code: 'C4.4', title: '计划总结和文件收发规范', maxPoints: 3, unitDeduction: 1, cap: null, deductionRule: '缺计划或总结每项扣1分', articleNumbers: [50, 51] },
      { code: 'C4.5', title: '检查问题整改销号', maxPoints: 5, unitDeduction: 1, cap: null, deductionRule: '每有一项问题逾期未整改扣1分；同类问题重复出现每项扣2分', articleNumbers: [52] },
    ],
  },
  {
    code: 'C5', title: '作用发挥', criteria: [
      { code: 'C5.1', title: '党员先锋岗、责任区设立并有效运行', maxPoints: 5, unitDeduction: 1, cap: null, deductionRule: '关键工序每缺一个先锋岗扣1分；巡查记录中断每次扣0.5分', articleNumbers: [21, 22, 47] },
      { code: 'C5.2', title: '急难险重任务党员突击队作用', maxPoints: 3, unitDeduction: 1, cap: null, deductionRule: '应组建未组建的扣1分', articleNumbers: [23] },
      { code: 'C5.3', title: '“党建+安全”“党建+质量”融合成效', maxPoints: 4, unitDeduction: 2, cap: null, deductionRule: '发生一般及以上安全质量事故扣2分；活动未开展扣1分', articleNumbers: [25, 26] },
      { code: 'C5.4', title: '党风廉政建设责任落实', maxPoints: 3, unitDeduction: 3, cap: null, deductionRule: '发生违纪违规问题本项不得分；教育每缺一次扣0.5分', articleNumbers: [15] },
      { code: 'C5.5', title: '书记项目和工会、团支部作用发挥', maxPoints: 2, unitDeduction: 1, cap: null, deductionRule: '书记项目未立项或无成效扣1分', articleNumbers: [19, 20, 29] },
    ],
  },
];
