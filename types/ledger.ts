/**
 * 台账导出 (ledger): staff ask for an Excel file of their jurisdiction's records; a timer job writes it
 * in the background and the requester downloads it. The contract between the app and `ledger`.
 */
import { z } from 'zod';
import { APPEAL_STATUSES } from './appeals.constants';
import { AppealCategorySchema } from './appeals';
import { BOOKING_CHANNELS, BOOKING_MODES, BOOKING_STATUSES } from './booking.constants';
import { MATTER_SCOPES, MATTER_STAGES } from './council.constants';
import { ACTIVITY_TYPES } from './volunteer.constants';
import { action } from './contract';
import { Day } from './fields';
import { ORG_STAFF_ROLES } from './org.constants';
import { pageInput, type Page } from './paging';

export const EXPORT_KINDS = ['appeals', 'bookings', 'volunteerHours', 'councilMatters'] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];
export const EXPORT_KIND_LABELS: Record<ExportKind, string> = { appeals: '诉求台账', bookings: '预约台账', volunteerHours: '志愿服务台账', councilMatters: '议事台账' };

export const EXPORT_STATUSES = ['queued', 'running', 'done', 'failed'] as const;
export type ExportStatus = (typeof EXPORT_STATUSES)[number];
export const EXPORT_STATUS_LABELS: Record<ExportStatus, string> = { queued: '排队中', running: '生成中', done: '已完成', failed: '失败' };

/** The longest date range one file covers. */
export const EXPORT_MAX_DAYS = 366;

/** The inbox's filters (除 scope: a ledger is the whole unit). */
export const AppealExportFilters = z
  .object({
    status: z.enum(APPEAL_STATUSES, { error: '无效的状态' }).optional(),
    category: AppealCategorySchema.optional(),
    overdue: z.boolean().optional(),
    dueSoon: z.boolean().optional(),
  })
  .strict()
  .default({});
export type AppealExportFilters = z.output<typeof AppealExportFilters>;

/** The front desk's filters. Bookings have no grid: a grid's ledger is its community's. */
export const BookingExportFilters = z
  .object({
    status: z.enum(BOOKING_STATUSES, { error: '无效的状态' }).optional(),
    mode: z.enum(BOOKING_MODES, { error: '无效的办理方式' }).optional(),
    channel: z.enum(BOOKING_CHANNELS, { error: '无效的预约渠道' }).optional(),
    afterHours: z.boolean().optional(),
  })
  .strict()
  .default({});
export type BookingExportFilters = z.output<typeof BookingExportFilters>;

/** Service records: the activity's type, and only those a leader corrected. Records keep no grid, as bookings. */
export const VolunteerExportFilters = z
  .object({
    type: z.enum(ACTIVITY_TYPES, { error: '无效的活动类型' }).optional(),
    corrected: z.boolean({ error: '无效的更正条件' }).optional(),
  })
  .strict()
  .default({});
export type VolunteerExportFilters = z.output<typeof VolunteerExportFilters>;

/** The council board's: a stage and a scope. */
export const CouncilExportFilters = z
  .object({
    stage: z.enum(MATTER_STAGES, { error: '无效的议题阶段' }).optional(),
    scope: z.enum(MATTER_SCOPES, { error: '无效的议题范围' }).optional(),
  })
  .strict()
  .default({});
export type CouncilExportFilters = z.output<typeof CouncilExportFilters>;

const daysBetween = (from: string, to: string) => (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000;

const Common = {
  /** A uuid the app makes once per form: a retry returns the same export. */
  requestId: z.uuid({ message: '缺少请求编号' }),
  /** The unit the ledger covers; the caller's own first unit when absent. */
  unitId: z.string().trim().min(1).max(64).optional(),
  /** Filed (appeals) / booked for (bookings) / held (volunteer activities) / raised (council matters) from … to: inclusive Asia/Shanghai days. */
  from: Day,
  to: Day,
};

export const RequestExportInput = z
  .discriminatedUnion(
    'kind',
    [
      z.object({ kind: z.literal('appeals'), filters: AppealExportFilters, ...Common }),
      z.object({ kind: z.literal('bookings'), filters: BookingExportFilters, ...Common }),
      z.object({ kind: z.literal('volunteerHours'), filters: VolunteerExportFilters, ...Common }),
      z.object({ kind: z.literal('councilMatters'), filters: CouncilExportFilters, ...Common }),
    ],
    { error: '请选择导出类型' },
  )
  .refine((v) => v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] })
  .refine((v) => daysBetween(v.from, v.to) < EXPORT_MAX_DAYS, { message: `一次最多导出${EXPORT_MAX_DAYS}天`, path: ['to'] });
export type RequestExportInput = z.output<typeof RequestExportInput>;

export interface ExportView {
  id: string;
  kind: ExportKind;
  kindLabel: string;
  unitName: string;
  from: string;
  to: string;
  /** The filters in words, e.g. 「办理中 · 环境卫生」. */
  filterText: string;
  status: ExportStatus;
  statusLabel: string;
  /** Rows written so far (while 生成中) or in the file. */
  rows: number;
  /** Rows in the finished file; null until then (counting first would cost a second pass). */
  total: number | null;
  error: string | null;
  fileName: string;
  createdAt: string;
  finishedAt: string | null;
}

export const ExportId = z.string({ error: '缺少导出编号' }).trim().min(1, { message: '缺少导出编号' }).max(64);

export const ledgerContract = {
  request: action<ExportView>()({ input: RequestExportInput, roles: ORG_STAFF_ROLES, limit: 'ledgerExport' }),
  /** The caller's own exports, newest first. */
  list: action<Page<ExportView>>()({ input: z.object({ ...pageInput(20, 10) }), roles: ORG_STAFF_ROLES }),
  /** A signed URL of a finished file, for its requester only. */
  download: action<{ url: string; fileName: string; expiresAt: string }>()({ input: z.object({ id: ExportId }), roles: ORG_STAFF_ROLES }),
};
