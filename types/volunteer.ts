/**
 * 志愿服务 — volunteer: the contract between the app and the `volunteer` cloud function. Constants and
 * view types live in `volunteer.constants.ts` (zod-free) and are re-exported here.
 */
import { z } from 'zod';
import { action } from './contract';
import { Day, PhoneNumber, optionalText, text } from './fields';
import { pageInput, type Page } from './paging';
import {
  ACTIVITY_TYPES,
  HOURS_UNITS,
  JOIN_POLICIES,
  REQUIREMENTS,
  ROUNDING_MODES,
  VOLUNTEER_LIMITS as L,
  type ActivitySummary,
  type ActivityView,
  type CertificateView,
  type CommunityTeams,
  type MyDeclaration,
  type ReportedMembers,
  type HoursRule,
  type MemberView,
  type RosterView,
  type ServiceRecord,
  type TeamView,
} from './volunteer.constants';
import { UNIT_LIMITS as U, type BehindReminded, type BehindReport, type ProjectBoard, type ProjectView, type TeamAdminRow, type UnitView, type UnitsView } from './volunteerUnits.constants';

export * from './volunteer.constants';
export * from './volunteerUnits.constants';

const Id = (label: string) => z.string({ error: `缺少${label}` }).trim().min(1, { message: `缺少${label}` }).max(64);
const ActivityId = Id('活动编号');
const TeamId = Id('服务队编号');
const CommunityId = Id('社区编号').optional();
const UnitId = Id('报到单位');
const ProjectId = Id('服务项目');
const Year = z.string().regex(/^20\d\d$/, { message: '年份格式不正确' });
const RequestId = z.uuid({ message: '缺少请求编号' });
const Instant = (label: string) => z.iso.datetime({ offset: true, message: `${label}格式不正确` });
/** 签到码: six digits, typed or scanned from the activity's QR code. */
export const CheckCode = z.string({ error: '请输入签到码' }).trim().regex(/^\d{6}$/, { message: '签到码为6位数字' });

export const CreateActivityInput = z
  .object({
    requestId: RequestId,
    teamId: TeamId,
    title: text(L.titleMax, '活动名称', 2),
    type: z.enum(ACTIVITY_TYPES, { error: '请选择活动类型' }),
    description: optionalText(L.descriptionMax, '活动内容'),
    place: text(L.placeMax, '活动地点'),
    start: Instant('开始时间'),
    end: Instant('结束时间'),
    capacity: z.number({ error: '请填写招募人数' }).int({ message: '招募人数须为整数' }).min(1, { message: '招募人数至少1人' }).max(L.capacityMax, { message: `招募人数不能超过${L.capacityMax}` }),
    requirements: z.array(z.enum(REQUIREMENTS, { error: '报名条件不正确' })).max(REQUIREMENTS.length).default([]),
    publish: z.boolean().default(true),
  })
  .refine((v) => Date.parse(v.start) < Date.parse(v.end), { message: '结束时间须晚于开始时间', path: ['end'] })
  .refine((v) => Date.parse(v.end) - Date.parse(v.start) <= L.maxHours * 3_600_000, { message: `一次活动不能超过${L.maxHours}小时`, path: ['end'] });

export const volunteerContract = {
  // Teams
  /** The teams of a community: the given one or the caller's household's. */
  teams: action<CommunityTeams>()({ input: z.object({ communityId: CommunityId }), roles: 'anyone' }),
  /** Open teams admit at once; others wait for the leader or community staff. */
  joinTeam: action<TeamView>()({ input: z.object({ teamId: TeamId }), roles: 'anyone', limit: 'volunteerJoin' }),
  /** The leader's or staff's list of a team's members (pending first). */
  members: action<MemberView[]>()({ input: z.object({ teamId: TeamId }), roles: 'anyone' }),
  reviewMember: action<MemberView>()({
    input: z.object({ teamId: TeamId, openid: Id('成员'), approve: z.boolean() }),
    roles: 'anyone',
  }),

  // Activities, residents' side
  /** Upcoming published activities of a community (the given one or the household's), soonest first. */
  activities: action<Page<ActivitySummary> & { community: { id: string; name: string } }>()({
    input: z.object({ communityId: CommunityId, teamId: TeamId.optional(), ...pageInput() }),
    roles: 'anyone',
  }),
  activity: action<ActivityView>()({ input: z.object({ id: ActivityId }), roles: 'anyone' }),
  /** Signed up while seats last, then on the waiting list in order; a retried requestId never signs up twice. */
  signUp: action<ActivityView>()({
    input: z.object({ id: ActivityId, requestId: RequestId, confirmRequirements: z.boolean().default(false) }),
    roles: 'anyone',
    limit: 'volunteerSignUp',
  }),
  /** Gives the seat back (the first on the waiting list takes it) or leaves the waiting list. */
  cancelSignUp: action<ActivityView>()({ input: z.object({ id: ActivityId }), roles: 'anyone', limit: 'volunteerSignUp' }),
  checkIn: action<ActivityView>()({ input: z.object({ id: ActivityId, code: CheckCode }), roles: 'anyone' }),
  checkOut: action<ActivityView>()({ input: z.object({ id: ActivityId, code: CheckCode }), roles: 'anyone' }),
  /** The caller's service record: activities, hours, totals this year and this half-year (Asia/Shanghai). */
  myRecord: action<ServiceRecord>()({ input: z.object({}).default({}), roles: 'anyone' }),

  // Leaders and community staff
  /** Activities a manager sees: their teams' (leader) or their community's (staff), drafts and cancelled included. */
  manageActivities: action<Page<ActivitySummary>>()({
    input: z.object({ communityId: CommunityId, scope: z.enum(['upcoming', 'past']).default('upcoming'), ...pageInput() }),
    roles: 'anyone',
  }),
  /** Residents will read the title, place and description: screened; text held for review keeps the activity a draft. */
  createActivity: action<ActivityView>()({ input: CreateActivityInput, roles: 'anyone', limit: 'volunteerManage', screen: { text: ['title', 'place', 'description'], scene: 'forum' } }),
  publishActivity: action<ActivityView>()({ input: z.object({ id: ActivityId }), roles: 'anyone' }),
  /** Cancels an activity; everyone signed up or waiting hears it through the outbox. */
  cancelActivity: action<ActivityView>()({ input: z.object({ id: ActivityId, reason: text(L.reasonMax, '取消原因', 2) }), roles: 'anyone' }),
  /** 签到表: the roster with check-in/out, hours and each record's history. */
  roster: action<RosterView>()({ input: z.object({ id: ActivityId }), roles: 'anyone' }),
  /** A leader's correction of one volunteer's check-in/out, with the reason kept in the record's history. */
  correctRecord: action<RosterView>()({
    input: z
      .object({ id: ActivityId, openid: Id('志愿者'), checkInAt: Instant('签到时间'), checkOutAt: Instant('签退时间'), reason: text(L.reasonMax, '更正原因', 2) })
      .refine((v) => Date.parse(v.checkInAt) < Date.parse(v.checkOutAt), { message: '签退时间须晚于签到时间', path: ['checkOutAt'] }),
    roles: 'anyone',
  }),
  /** The community's hours rule as in force (its staff and the commanders above). */
  hoursRule: action<HoursRule>()({ input: z.object({ communityId: CommunityId }), roles: ['community_staff', 'street_commander', 'district_commander'] }),
  /** The community's hours rule (community staff). */
  setHoursRule: action<HoursRule>()({
    input: z.object({
      communityId: CommunityId,
      unitMinutes: z.number({ error: '请选择取整单位' }).int().refine((n) => (HOURS_UNITS as readonly number[]).includes(n), { message: '取整单位不正确' }),
      mode: z.enum(ROUNDING_MODES, { error: '请选择取整方式' }),
    }),
    roles: ['community_staff'],
  }),

  // 双报到 and 志愿服务证明
  myDeclaration: action<MyDeclaration>()({ input: z.object({}).default({}), roles: 'anyone' }),
  /** Declares (or changes) the caller's 双报到: a 报到单位, the residential community, or both. */
  declare: action<MyDeclaration>()({
    input: z
      .object({ unit: optionalText(L.nameMax, '报到单位'), unitId: UnitId.optional(), communityId: CommunityId })
      .refine((v) => v.unit !== undefined || v.unitId !== undefined || v.communityId !== undefined, { message: '请填写报到单位或选择居住社区', path: ['unit'] }),
    roles: 'anyone',
  }),
  /** Community staff: the party members who reported to the community, and who has served this half-year. */
  reportedMembers: action<ReportedMembers>()({ input: z.object({ communityId: CommunityId }), roles: ['community_staff', 'street_commander', 'district_commander'] }),
  /** Issues a 志愿服务证明 from the caller's record over a period (default: everything), with a verification code. */
  issueCertificate: action<CertificateView>()({
    input: z
      .object({ from: Day.optional(), to: Day.optional() })
      .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] }),
    roles: 'anyone',
    limit: 'volunteerCertificate',
  }),
  /** Anyone holding a certificate's code can check what it states. */
  verifyCertificate: action<CertificateView>()({
    input: z.object({ code: z.string({ error: '请输入验证码' }).trim().toUpperCase().regex(/^[0-9A-Z]{16}$/, { message: '验证码为16位字母或数字' }) }),
    roles: 'anyone',
  }),

  // 报到单位 and their teams (community staff and the commanders above)
  /** The community's registered units with their teams, members and this year's projects; its teams. */
  units: action<UnitsView>()({ input: z.object({ communityId: CommunityId }), roles: ['community_staff', 'street_commander', 'district_commander'] }),
  /** Registers a 报到单位 with the community (one per name and community). */
  registerUnit: action<UnitView>()({
    input: z.object({ communityId: CommunityId, name: text(U.unitNameMax, '单位名称', 2), contact: text(U.contactMax, '联系人'), phone: PhoneNumber }),
    roles: ['community_staff', 'street_commander', 'district_commander'],
    screen: { text: ['name', 'contact'] },
  }),
  /** Creates a team (no id) or edits one; `unitId` marks it as that unit's 党员志愿服务队 (null: a community team). */
  saveTeam: action<TeamAdminRow>()({
    input: z.object({
      id: TeamId.optional(),
      communityId: CommunityId,
      name: text(U.teamNameMax, '服务队名称', 2),
      intro: optionalText(L.introMax, '服务队简介'),
      joinPolicy: z.enum(JOIN_POLICIES, { error: '请选择入队方式' }),
      unitId: UnitId.nullable().default(null),
    }),
    roles: ['community_staff', 'street_commander', 'district_commander'],
    screen: { text: ['name', 'intro'], scene: 'forum' },
  }),
  /** Appoints one of the team's active members as its leader. */
  appointLeader: action<TeamAdminRow>()({ input: z.object({ teamId: TeamId, openid: Id('队员') }), roles: ['community_staff', 'street_commander', 'district_commander'] }),

  // 项目化服务
  /** The public board of a community's service commitments of a year (default: this year, Shanghai). */
  projects: action<ProjectBoard>()({ input: z.object({ communityId: CommunityId, year: Year.optional() }), roles: 'anyone' }),
  publishProject: action<ProjectView>()({
    input: z.object({ communityId: CommunityId, content: text(U.contentMax, '服务内容', 4), owner: text(U.ownerMax, '责任主体', 2), dueDay: Day }),
    roles: ['community_staff', 'street_commander', 'district_commander'],
    screen: { text: ['content', 'owner'], scene: 'forum' },
  }),
  /** A unit takes on a commitment (once: a second claim hears who has it). */
  claimProject: action<ProjectView>()({ input: z.object({ id: ProjectId, unitId: UnitId }), roles: 'anyone' }),
  projectProgress: action<ProjectView>()({
    input: z.object({
      id: ProjectId,
      note: text(U.noteMax, '进展说明', 2),
      photos: z.array(z.string().trim().min(1).max(1000)).max(U.photosMax, { message: `图片最多${U.photosMax}张` }).default([]),
    }),
    roles: 'anyone',
    screen: { text: ['note'], images: ['photos'], scene: 'forum' },
  }),

  // Who is behind
  /** Units without an activity this month and members without a service this half-year, in a community, street or district. */
  behind: action<BehindReport>()({
    input: z.object({ scopeId: Id('辖区').optional(), after: Id('分页位置').optional() }),
    roles: ['community_staff', 'street_commander', 'district_commander'],
  }),
  /** Reminds everyone behind in the scope: once per member and half-year, once per unit, month and leader. */
  remindBehind: action<BehindReminded>()({
    input: z.object({ scopeId: Id('辖区').optional() }),
    roles: ['community_staff', 'street_commander', 'district_commander'],
    limit: 'volunteerManage',
  }),
};
export type VolunteerContract = typeof volunteerContract;
