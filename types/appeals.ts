/**
 * 有呼必应 — appeals (诉求): the contract between the app and the `appeals` cloud function. The
 * constants and view types live in `appeals.constants.ts` (zod-free) and are re-exported here.
 */
import { z } from 'zod';
import { Day, PhoneNumber, text } from './fields';
import { pageInput } from './paging';
import { action, STAFF_ROLES, type Role } from './contract';
import { BuildingCode } from './org';
import {
  APPEAL_CATEGORY_KEYS,
  APPEAL_LIMITS,
  APPEAL_STATUSES,
  ORG_STAFF_ROLES,
  PRESSING_ROLES,
  RATINGS,
  ROUTING_TARGETS,
  type AppealDetail,
  type AppealSummary,
  type BulletinItem,
  type CategoryView,
  type Dashboard,
  type InboxItem,
  type Page,
  type RoutingRulesView,
  type SimilarAppeal,
} from './appeals.constants';

export * from './appeals.constants';

// ─── Input schemas ────────────────────────────────────────────────────────────────────────────

export const AppealCategorySchema = z.enum(APPEAL_CATEGORY_KEYS, { error: '请选择正确的诉求类别' });
export const RoutingTargetSchema = z.enum(ROUTING_TARGETS, { error: '无效的交办对象' });

export const PhotoList = z
  .array(z.string().trim().regex(/^cloud:\/\/\S{1,500}$/, { message: '图片须先上传到云存储' }), { error: '图片格式不正确' })
  .max(APPEAL_LIMITS.photosMax, { message: `最多上传${APPEAL_LIMITS.photosMax}张图片` })
  .default([]);

export const AppealId = z.string({ error: '缺少诉求编号' }).trim().min(1, { message: '缺少诉求编号' }).max(64);
const ExpectedVersion = z.number().int().min(1).optional();

const PageInput = pageInput();

export const CreateAppealInput = z.object({
  /** A uuid the app makes once per form; a retry with the same one returns the same appeal. */
  requestId: z.uuid({ message: '缺少请求编号' }),
  buildingCode: BuildingCode,
  category: AppealCategorySchema,
  description: text(APPEAL_LIMITS.descriptionMax, '问题描述', 5),
  photos: PhotoList,
  phone: z.preprocess((v) => (v === '' || v === null ? undefined : v), PhoneNumber.optional()),
  /** 公开时隐去我的信息 */
  anonymous: z.boolean().default(false),
});

export const TransferTo = z.discriminatedUnion(
  'target',
  [
    z.object({ target: z.literal('grid'), gridId: z.string().min(1).max(64).optional() }),
    z.object({ target: z.literal('community') }),
    z.object({ target: z.literal('property') }),
    z.object({ target: z.literal('enforcement') }),
  ],
  { error: '请选择转办对象' },
);
export type TransferTarget = z.infer<typeof TransferTo>;

export const DashboardInput = z
  .object({
    unitId: z.string().min(1).max(64).optional(),
    from: Day.optional(),
    to: Day.optional(),
  })
  .refine((v) => !v.from || !v.to || v.from <= v.to, { message: '开始日期不能晚于结束日期', path: ['from'] });

// ─── The contract ─────────────────────────────────────────────────────────────────────────────

const HANDLING_ROLES: readonly Role[] = STAFF_ROLES;

export const appealsContract = {
  // Resident side
  categories: action<CategoryView[]>()({ input: z.object({}).default({}), roles: 'anyone' }),
  /** Open appeals of the same category at the same building in the last 48 h ("我也遇到了"). */
  similar: action<SimilarAppeal[]>()({
    input: z.object({ buildingCode: BuildingCode, category: AppealCategorySchema }),
    roles: 'anyone',
    limit: 'appealSimilar',
  }),
  follow: action<{ id: string; followerCount: number; following: true }>()({
    input: z.object({ id: AppealId }),
    roles: 'anyone',
    limit: 'appealFollow',
  }),
  create: action<AppealDetail>()({
    input: CreateAppealInput,
    roles: 'anyone',
    limit: 'appealCreate',
    screen: { text: ['description'], images: ['photos'], scene: 'forum' },
  }),
  mine: action<Page<AppealSummary>>()({
    input: z.object({ scope: z.enum(['own', 'followed']).default('own'), ...PageInput }),
    roles: 'anyone',
  }),
  /** Resident (own or followed appeal) or staff with the appeal in reach. */
  detail: action<AppealDetail>()({ input: z.object({ id: AppealId }), roles: 'anyone' }),
  rate: action<AppealDetail>()({
    input: z.object({
      id: AppealId,
      rating: z.enum(RATINGS, { error: '请选择满意度' }),
      comment: text(APPEAL_LIMITS.commentMax, '评价内容').optional(),
    }),
    roles: 'anyone',
    limit: 'appealRate',
    screen: { text: ['comment'] },
  }),

  // Staff side
  inbox: action<Page<InboxItem>>()({
    input: z.object({
      /** all: my jurisdiction; todo: held by my unit(s) or me; mine: I handle now; firstResponder: 我首问的. */
      scope: z.enum(['all', 'todo', 'mine', 'firstResponder']).default('all'),
      status: z.enum(APPEAL_STATUSES).optional(),
      category: AppealCategorySchema.optional(),
      overdue: z.boolean().optional(),
      dueSoon: z.boolean().optional(),
      ...PageInput,
    }),
    roles: HANDLING_ROLES,
  }),
  claim: action<AppealDetail>()({ input: z.object({ id: AppealId, version: ExpectedVersion }), roles: HANDLING_ROLES }),
  reply: action<AppealDetail>()({
    input: z.object({ id: AppealId, version: ExpectedVersion, text: text(APPEAL_LIMITS.textMax, '回复内容'), photos: PhotoList }),
    roles: HANDLING_ROLES,
    limit: 'appealReply',
    screen: { text: ['text'], images: ['photos'] },
  }),
  transfer: action<AppealDetail>()({
    input: z.object({ id: AppealId, version: ExpectedVersion, to: TransferTo, reason: text(APPEAL_LIMITS.reasonMax, '转办理由', 2) }),
    roles: HANDLING_ROLES,
  }),
  resolve: action<AppealDetail>()({
    input: z.object({ id: AppealId, version: ExpectedVersion, text: text(APPEAL_LIMITS.textMax, '办理结果', 2), photos: PhotoList }),
    roles: HANDLING_ROLES,
    // The outcome is what neighbours see: screened like the resident's words.
    screen: { text: ['text'], images: ['photos'] },
  }),
  /** 督办: a higher level (or the community over a property company) presses the holder. */
  press: action<AppealDetail>()({
    input: z.object({ id: AppealId, version: ExpectedVersion, note: text(APPEAL_LIMITS.reasonMax, '督办意见', 2) }),
    roles: PRESSING_ROLES,
    limit: 'appealPress',
  }),
  /** 内容审核通过: what content security held back becomes visible to neighbours. */
  approve: action<AppealDetail>()({ input: z.object({ id: AppealId, version: ExpectedVersion }), roles: ORG_STAFF_ROLES }),
  /** 上报: hand the appeal one level up (下呼上应). */
  escalate: action<AppealDetail>()({
    input: z.object({ id: AppealId, version: ExpectedVersion, reason: text(APPEAL_LIMITS.reasonMax, '上报理由', 2) }),
    roles: HANDLING_ROLES,
  }),
  dashboard: action<Dashboard>()({ input: DashboardInput, roles: ORG_STAFF_ROLES }),
  bulletin: action<Page<BulletinItem>>()({
    input: z.object({ unitId: z.string().min(1).max(64).optional(), ...PageInput }),
    roles: ORG_STAFF_ROLES,
  }),
  routingRules: action<RoutingRulesView>()({
    input: z.object({ communityId: z.string().min(1).max(64).optional() }),
    roles: ORG_STAFF_ROLES,
  }),
  updateRoutingRules: action<RoutingRulesView>()({
    input: z.object({
      communityId: z.string().min(1).max(64).optional(),
      version: z.number().int().min(0).optional(),
      /** A category mapped to null goes back to the city default. */
      rules: z.partialRecord(AppealCategorySchema, RoutingTargetSchema.nullable()).default({}),
      fallback: RoutingTargetSchema.optional(),
    }),
    roles: ['community_staff'],
  }),
};
export type AppealsContract = typeof appealsContract;
