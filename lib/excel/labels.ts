/** The Chinese names of organization types and statuses as they are written in the company's sheets. */
import type { OrgType } from '../generated/prisma/enums';

export const TYPE_LABELS: Record<OrgType, string> = {
  COMMITTEE: '党委',
  GENERAL_BRANCH: '党总支',
  BRANCH: '党支部',
  PARTY_GROUP: '党小组',
  UNION: '工会',
  YOUTH_LEAGUE: '团支部',
  DEPARTMENT: '职能部门',
};

export const STATUS_LABELS = { ACTIVE: '正常', PREPARING: '筹建', ARCHIVED: '已撤销' } as const;

/** Between the names of a unit's full path ("党委 / 支部"), in sheets and imports. */
export const PATH_SEPARATOR = ' / ';
