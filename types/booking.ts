/**
 * 不打烊服务 — booking (延时错时、轮值坐班、预约办理、一窗通办): the contract between the app and the
 * `booking` cloud function. Constants and view types live in `booking.constants.ts` (zod-free) and
 * are re-exported here.
 */
import { z } from 'zod';
import { action } from './contract';
import { Day, optionalText, PhoneNumber, text } from './fields';
import { BuildingCode } from './org';
import { ORG_STAFF_ROLES } from './org.constants';
import { pageInput, type Page } from './paging';
import {
  BOOKING_LIMITS,
  BOOKING_MODES,
  BOOKING_RATINGS,
  FRONT_DESK_ROLES,
  HOME_REASONS,
  RULE_BOUNDS,
  SESSION_DAYS,
  SESSION_KINDS,
  SETTINGS_ROLES,
  type BookingDashboard,
  type BookingRules,
  type BookingSettingsView,
  type BookingSummary,
  type BookingView,
  type CommunityServices,
  type ComplaintItem,
  type DayView,
  type ServiceSlots,
  type ServiceView,
} from './booking.constants';

export * from './booking.constants';

// ─── Input pieces ─────────────────────────────────────────────────────────────────────────────

const Id = (label: string) => z.string({ error: `缺少${label}` }).trim().min(1, { message: `缺少${label}` }).max(64);
const CommunityId = Id('社区编号').optional();
export const BookingId = Id('预约编号');
const ServiceId = Id('服务事项');
const ExpectedVersion = z.number().int().min(0).optional();

/** A slot as the slot list names it: 'YYYYMMDD-HHmm' in Asia/Shanghai. */
export const SlotId = z.string({ error: '请选择预约时段' }).trim().regex(/^\d{8}-\d{4}$/, { message: '请选择正确的预约时段' });

const Clock = z.string().trim().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: '时间格式应为 HH:mm' });
/** Window and session ids: short, lowercase, no dots (they key stored maps). */
const Key = (label: string) => z.string({ error: `缺少${label}` }).trim().regex(/^[a-z][a-z0-9-]{0,23}$/, { message: `${label}只能用小写字母、数字和连字符` });

const PageInput = pageInput();

const HomeFields = {
  mode: z.enum(BOOKING_MODES, { error: '请选择办理方式' }).default('window'),
  homeReason: z.enum(HOME_REASONS, { error: '请选择上门服务的原因' }).optional(),
  address: optionalText(BOOKING_LIMITS.addressMax, '上门地址'),
  note: optionalText(BOOKING_LIMITS.noteMax, '备注'),
};

/** 上门服务 needs a reason (elderly or disabled) and an address. */
function requireHome<T extends { mode: 'window' | 'home'; homeReason?: string; address?: string }>(v: T, ctx: z.RefinementCtx): void {
  if (v.mode !== 'home') return;
  if (!v.homeReason) ctx.addIssue({ code: 'custom', path: ['homeReason'], message: '上门服务仅面向高龄老人和残疾人，请选择原因' });
  if (!v.address) ctx.addIssue({ code: 'custom', path: ['address'], message: '请填写上门地址' });
}

export const BookInput = z
  .object({
    /** A uuid the app makes once per form; a retry with the same one returns the same booking. */
    requestId: z.uuid({ message: '缺少请求编号' }),
    communityId: Id('社区编号'),
    serviceId: ServiceId,
    slotId: SlotId,
    phone: z.preprocess((v) => (v === '' || v === null ? undefined : v), PhoneNumber.optional()),
    ...HomeFields,
  })
  .superRefine(requireHome);

export const PhoneBookInput = z
  .object({
    requestId: z.uuid({ message: '缺少请求编号' }),
    communityId: CommunityId,
    serviceId: ServiceId,
    slotId: SlotId,
    /** The caller: a resident without a WeChat account is booked under their phone number. */
    name: text(BOOKING_LIMITS.nameMax, '来电人姓名'),
    phone: PhoneNumber,
    ...HomeFields,
  })
  .superRefine(requireHome);

export const ServiceInput = z.object({
  /** Absent: a new service. */
  id: ServiceId.optional(),
  name: text(BOOKING_LIMITS.nameMax, '服务名称', 2),
  description: optionalText(BOOKING_LIMITS.descriptionMax, '服务说明'),
  materials: z
    .array(text(BOOKING_LIMITS.materialMax, '材料名称'), { error: '材料清单格式不正确' })
    .max(BOOKING_LIMITS.materialsMax, { message: `材料最多${BOOKING_LIMITS.materialsMax}项` })
    .default([]),
  minutes: z.number({ error: '请填写每次办理分钟数' }).int().min(5, { message: '每次办理至少5分钟' }).max(120, { message: '每次办理不能超过120分钟' }),
  windowIds: z.array(Key('窗口编号')).min(1, { message: '请至少选择一个办理窗口' }).max(BOOKING_LIMITS.windowsMax),
  homeVisit: z.boolean().default(false),
  active: z.boolean().default(true),
});

export const SessionInput = z
  .object({
    id: Key('时段编号'),
    name: text(BOOKING_LIMITS.nameMax, '时段名称'),
    kind: z.enum(SESSION_KINDS, { error: '请选择时段类型' }),
    days: z.enum(SESSION_DAYS, { error: '请选择工作日或休息日' }),
    weekdays: z.array(z.number().int().min(0).max(6)).max(7).default([]),
    start: Clock,
    end: Clock,
    windowIds: z.array(Key('窗口编号')).min(1, { message: '请至少开放一个窗口' }).max(BOOKING_LIMITS.windowsMax),
  })
  .refine((s) => s.start < s.end, { message: '结束时间须晚于开始时间', path: ['end'] })
  .refine((s) => s.kind !== 'staggered' || s.days === 'restday', { message: '错时服务安排在休息日', path: ['days'] })
  .refine((s) => s.kind !== 'extended' || s.days === 'workday', { message: '延时服务安排在工作日', path: ['days'] });

const ruleField = (key: keyof BookingRules) => {
  const { min, max, label } = RULE_BOUNDS[key];
  return z.number({ error: `请填写${label}` }).int().min(min, { message: `${label}不能小于${min}` }).max(max, { message: `${label}不能大于${max}` });
};

export const HoursInput = z.object({
  communityId: CommunityId,
  version: ExpectedVersion,
  windows: z
    .array(z.object({ id: Key('窗口编号'), name: text(BOOKING_LIMITS.nameMax, '窗口名称') }))
    .min(1, { message: '请至少设置一个窗口' })
    .max(BOOKING_LIMITS.windowsMax)
    .optional(),
  sessions: z.array(SessionInput).max(BOOKING_LIMITS.sessionsMax, { message: `时段最多${BOOKING_LIMITS.sessionsMax}个` }).optional(),
  /** One-off closures (临时闭馆), replacing the list. */
  closures: z
    .array(z.object({ day: Day, reason: text(BOOKING_LIMITS.nameMax, '闭馆原因') }))
    .max(BOOKING_LIMITS.closuresMax)
    .optional(),
  rules: z
    .object({
      slotMinutes: ruleField('slotMinutes'),
      minNoticeMinutes: ruleField('minNoticeMinutes'),
      cutoffMinutes: ruleField('cutoffMinutes'),
      maxActive: ruleField('maxActive'),
      noShowLimit: ruleField('noShowLimit'),
    })
    .partial()
    .optional(),
});

export const DutyInput = z
  .object({
    communityId: CommunityId,
    version: ExpectedVersion,
    sessionId: Key('时段编号'),
    /** One day's duty… */
    day: Day.optional(),
    /** …or the weekly pattern for a weekday (0 = Sunday … 6 = Saturday). */
    weekday: z.number().int().min(0).max(6).optional(),
    /** Null: nobody (the session then offers no slots). */
    staffOpenid: z.string().trim().min(1).max(64).nullable(),
  })
  .refine((v) => (v.day === undefined) !== (v.weekday === undefined), { message: '请选择具体日期或每周的某一天', path: ['day'] });

export const DashboardInput = z
  .object({ unitId: z.string().min(1).max(64).optional(), from: Day.optional(), to: Day.optional() })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] });

// ─── The contract ─────────────────────────────────────────────────────────────────────────────

export const bookingContract = {
  // Residents
  /** The services of a community: the given one, a building code's, or the caller's household's. */
  services: action<CommunityServices>()({
    input: z.object({ communityId: CommunityId, buildingCode: BuildingCode.optional() }),
    roles: 'anyone',
  }),
  /** One service with its 材料清单. */
  service: action<ServiceView>()({ input: z.object({ communityId: Id('社区编号'), serviceId: ServiceId }), roles: 'anyone' }),
  /** The service's slots over the next 14 days, with the visits left in each. */
  slots: action<ServiceSlots>()({ input: z.object({ communityId: Id('社区编号'), serviceId: ServiceId }), roles: 'anyone' }),
  book: action<BookingView>()({ input: BookInput, roles: 'anyone', limit: 'bookingCreate' }),
  mine: action<Page<BookingSummary>>()({
    input: z.object({ scope: z.enum(['upcoming', 'past']).default('upcoming'), ...PageInput }),
    roles: 'anyone',
  }),
  /** The resident's own booking, or staff of its community (and above). */
  detail: action<BookingView>()({ input: z.object({ id: BookingId }), roles: 'anyone' }),
  /** The resident up to the cut-off; front-desk staff until it starts. */
  cancel: action<BookingView>()({
    input: z.object({ id: BookingId, version: ExpectedVersion, reason: optionalText(BOOKING_LIMITS.noteMax, '取消原因') }),
    roles: 'anyone',
    limit: 'bookingChange',
  }),
  reschedule: action<BookingView>()({
    input: z.object({ id: BookingId, version: ExpectedVersion, slotId: SlotId }),
    roles: 'anyone',
    limit: 'bookingChange',
  }),
  /** 好差评 on a served booking; 不满意/非常不满意 must be answered by the community within a working day. */
  rate: action<BookingView>()({
    input: z.object({
      id: BookingId,
      rating: z.enum(BOOKING_RATINGS, { error: '请选择评价等级' }),
      comment: optionalText(BOOKING_LIMITS.commentMax, '评价内容'),
    }),
    roles: 'anyone',
    limit: 'bookingRate',
    screen: { text: ['comment'] },
  }),

  // Staff: settings (community staff edit; street and district read)
  settings: action<BookingSettingsView>()({ input: z.object({ communityId: CommunityId }), roles: ORG_STAFF_ROLES }),
  saveService: action<BookingSettingsView>()({
    input: z.object({ communityId: CommunityId, version: ExpectedVersion, service: ServiceInput }),
    roles: SETTINGS_ROLES,
  }),
  saveHours: action<BookingSettingsView>()({ input: HoursInput, roles: SETTINGS_ROLES }),
  /** 轮值坐班: who is on duty in an after-hours session, for a day or a weekday. */
  setDuty: action<BookingSettingsView>()({ input: DutyInput, roles: SETTINGS_ROLES }),

  // Staff: the front desk
  day: action<DayView>()({
    input: z.object({ communityId: CommunityId, day: Day.optional(), name: optionalText(BOOKING_LIMITS.nameMax, '姓名') }),
    roles: ORG_STAFF_ROLES,
  }),
  /** 签到 by the booking code shown at the window, or by the booking (found by name in the day view). */
  checkIn: action<BookingView>()({
    input: z
      .object({ communityId: CommunityId, code: z.string().trim().regex(/^\d{6}$/, { message: '预约码为6位数字' }).optional(), id: BookingId.optional() })
      .refine((v) => (v.code === undefined) !== (v.id === undefined), { message: '请输入预约码', path: ['code'] }),
    roles: FRONT_DESK_ROLES,
  }),
  serve: action<BookingView>()({
    input: z.object({ id: BookingId, version: ExpectedVersion, note: text(BOOKING_LIMITS.noteMax, '办理结果') }),
    roles: FRONT_DESK_ROLES,
  }),
  noShow: action<BookingView>()({ input: z.object({ id: BookingId, version: ExpectedVersion }), roles: FRONT_DESK_ROLES }),
  /** A booking taken on the phone for a resident (no WeChat account needed). */
  phoneBook: action<BookingView>()({ input: PhoneBookInput, roles: FRONT_DESK_ROLES, limit: 'bookingPhone' }),
  /** A booking of a resident with too many no-shows waits for this. */
  approve: action<BookingView>()({
    input: z.object({ id: BookingId, version: ExpectedVersion, approve: z.boolean(), reason: optionalText(BOOKING_LIMITS.noteMax, '审核意见') }),
    roles: SETTINGS_ROLES,
  }),

  // Staff: 差评 and the dashboard
  complaints: action<Page<ComplaintItem>>()({
    input: z.object({ unitId: z.string().min(1).max(64).optional(), open: z.boolean().default(true), ...PageInput }),
    roles: ORG_STAFF_ROLES,
  }),
  answer: action<BookingView>()({
    input: z.object({ id: BookingId, text: text(BOOKING_LIMITS.answerMax, '回复内容', 2) }),
    roles: SETTINGS_ROLES,
  }),
  dashboard: action<BookingDashboard>()({ input: DashboardInput, roles: ORG_STAFF_ROLES }),
};
export type BookingContract = typeof bookingContract;
