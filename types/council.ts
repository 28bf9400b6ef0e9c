/**
 * 家园议事会 — council: the contract between the app and the `council` cloud function. Constants and
 * view types live in `council.constants.ts` (zod-free) and are re-exported here.
 */
import { z } from 'zod';
import { action } from './contract';
import { Day, optionalText, text } from './fields';
import { ORG_STAFF_ROLES } from './org.constants';
import { pageInput, type Page } from './paging';
import {
  COUNCIL_LIMITS,
  COUNCIL_STEPS,
  COSIGN_THRESHOLD_BOUNDS,
  DEFAULT_QUORUM_PERCENT,
  MATTER_SCOPES,
  VOTE_RULES,
  type CommentView,
  type CouncilSettingsView,
  type MatterSummary,
  type MatterView,
} from './council.constants';

export * from './council.constants';

const Id = (label: string) => z.string({ error: `缺少${label}` }).trim().min(1, { message: `缺少${label}` }).max(64);
export const MatterId = Id('议题编号');
const ExpectedVersion = z.number().int().min(0).optional();
const Note = z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), text(COUNCIL_LIMITS.noteMax, '说明').optional());

export const RaiseInput = z.object({
  /** A uuid the app makes once per form; a retry with the same one returns the same matter. */
  requestId: z.uuid({ message: '缺少请求编号' }),
  title: text(COUNCIL_LIMITS.titleMax, '议题标题', 4),
  description: text(COUNCIL_LIMITS.descriptionMax, '议题内容', 10),
  photos: z
    .array(z.string().trim().min(1).max(1000), { error: '图片格式不正确' })
    .max(COUNCIL_LIMITS.photosMax, { message: `图片最多${COUNCIL_LIMITS.photosMax}张` })
    .default([]),
  scope: z.enum(MATTER_SCOPES, { error: '请选择议题范围' }),
  /** Staff only: the building, estate or community the matter is about (a resident's is their household's). */
  placeId: Id('范围').optional(),
});

export const OpenVoteInput = z
  .object({
    id: MatterId,
    version: ExpectedVersion,
    /** Absent: 赞成 / 反对 / 弃权. */
    options: z
      .array(text(COUNCIL_LIMITS.optionMax, '选项'), { error: '选项格式不正确' })
      .min(COUNCIL_LIMITS.optionsMin, { message: `至少${COUNCIL_LIMITS.optionsMin}个选项` })
      .max(COUNCIL_LIMITS.optionsMax, { message: `选项最多${COUNCIL_LIMITS.optionsMax}个` })
      .refine((o) => new Set(o).size === o.length, { message: '选项不能重复' })
      .optional(),
    rule: z.enum(VOTE_RULES, { error: '请选择表决规则' }),
    /** 民法典 278: 重大事项 (维修资金、改建重建、改变共有部分用途…) need ≥ 3/4. */
    major: z.boolean().default(false),
    /** Simple majority: the share of eligible households that must take part. */
    quorumPercent: z.number({ error: '法定人数应为数字' }).int().min(1, { message: '法定人数比例至少1%' }).max(100, { message: '法定人数比例不能超过100%' }).default(DEFAULT_QUORUM_PERCENT),
    closesAt: z.iso.datetime({ offset: true, message: '请选择截止时间' }),
  });

export const councilContract = {
  /** 议事公告栏: a community's matters (the household's by default), by step. */
  board: action<Page<MatterSummary>>()({
    input: z.object({ communityId: Id('社区').optional(), step: z.enum([...COUNCIL_STEPS, 'review']).optional(), ...pageInput() }),
    roles: 'anyone',
  }),
  matter: action<MatterView>()({ input: z.object({ id: MatterId }), roles: 'anyone' }),
  /** 提事: a verified resident (or staff) raises a matter; what others will see is screened first. */
  raise: action<MatterView>()({
    input: RaiseInput,
    roles: 'anyone',
    limit: 'councilRaise',
    screen: { text: ['title', 'description'], images: ['photos'], scene: 'forum' },
  }),
  /** 附议: one per verified household in scope; at the community's threshold the matter goes on the agenda. */
  cosign: action<MatterView>()({ input: z.object({ id: MatterId }), roles: 'anyone' }),
  /** 表决: one vote per verified household in scope, while the window is open; a retry never votes twice. */
  vote: action<MatterView>()({ input: z.object({ id: MatterId, optionId: Id('选项') }), roles: 'anyone' }),
  /** 议事: a comment (or a reply to one) by a resident of the community or its staff; screened. */
  comment: action<CommentView>()({
    input: z.object({
      id: MatterId,
      requestId: z.uuid({ message: '缺少请求编号' }),
      text: text(COUNCIL_LIMITS.commentMax, '评论内容', 2),
      replyTo: Id('回复的评论').optional(),
    }),
    roles: 'anyone',
    limit: 'councilComment',
    screen: { text: ['text'], scene: 'comment' },
  }),
  comments: action<Page<CommentView>>()({ input: z.object({ id: MatterId, ...pageInput() }), roles: 'anyone' }),
  /** 评事: one rating per verified household in scope, while the matter is 待评价; a second one replaces nothing. */
  rate: action<MatterView>()({
    input: z.object({ id: MatterId, stars: z.number({ error: '请选择评分' }).int().min(1, { message: '请选择评分' }).max(5, { message: '评分为1到5星' }), comment: optionalText(COUNCIL_LIMITS.noteMax, '评价内容') }),
    roles: 'anyone',
    screen: { text: ['comment'] },
  }),

  // Staff
  /** 办事: a step of the work — what was done (with photos), who answers for it, by when. */
  progress: action<MatterView>()({
    input: z.object({
      id: MatterId,
      version: ExpectedVersion,
      note: text(COUNCIL_LIMITS.noteMax, '办理进展', 2),
      photos: z.array(z.string().trim().min(1).max(1000)).max(COUNCIL_LIMITS.photosMax, { message: `图片最多${COUNCIL_LIMITS.photosMax}张` }).default([]),
      owner: optionalText(COUNCIL_LIMITS.ownerMax, '负责人'),
      dueDay: Day.optional(),
    }),
    roles: ORG_STAFF_ROLES,
    screen: { text: ['note'], images: ['photos'] },
  }),
  /** A matter held for review: shown (on to 附议, or the agenda if staff raised it) or declined with a reason. */
  moderate: action<MatterView>()({
    input: z
      .object({ id: MatterId, version: ExpectedVersion, approve: z.boolean({ error: '请选择通过或不采纳' }), reason: Note })
      .refine((v) => v.approve || v.reason !== undefined, { message: '不采纳须填写原因', path: ['reason'] }),
    roles: ORG_STAFF_ROLES,
  }),
  /** 议事: the minutes of a meeting held about a matter on the agenda (before its options are fixed). */
  minutes: action<MatterView>()({
    input: z.object({
      id: MatterId,
      version: ExpectedVersion,
      day: Day,
      place: text(COUNCIL_LIMITS.placeMax, '会议地点'),
      minutes: text(COUNCIL_LIMITS.minutesMax, '会议纪要', 10),
    }),
    roles: ORG_STAFF_ROLES,
    screen: { text: ['place', 'minutes'] },
  }),
  /** A community's council settings (the caller's own community by default). */
  settings: action<CouncilSettingsView>()({ input: z.object({ communityId: Id('社区').optional() }), roles: ORG_STAFF_ROLES }),
  /** 附议门槛: how many households' 附议 put a new matter on the agenda; community staff of the community. */
  saveSettings: action<CouncilSettingsView>()({
    input: z.object({
      communityId: Id('社区').optional(),
      cosignThreshold: z
        .number({ error: '请填写附议门槛' })
        .int({ message: '附议门槛应为整数' })
        .min(COSIGN_THRESHOLD_BOUNDS.min, { message: `附议门槛至少${COSIGN_THRESHOLD_BOUNDS.min}户` })
        .max(COSIGN_THRESHOLD_BOUNDS.max, { message: `附议门槛不能超过${COSIGN_THRESHOLD_BOUNDS.max}户` }),
    }),
    roles: ['community_staff'],
  }),
  /** Opens the vote window of a matter on the agenda: options fixed, rule chosen, closing time set. */
  openVote: action<MatterView>()({ input: OpenVoteInput, roles: ORG_STAFF_ROLES }),
  /** 办事 → 评事 (办结, with what was done), 评事 → 已结束. */
  advance: action<MatterView>()({ input: z.object({ id: MatterId, version: ExpectedVersion, note: Note }), roles: ORG_STAFF_ROLES }),
};
export type CouncilContract = typeof councilContract;
