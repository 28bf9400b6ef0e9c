/** A matter as its caller sees it: the story, their household's part, turnout while voting, the result after. */
import {
  COUNCIL_STEPS,
  MATTER_SCOPE_LABELS,
  MATTER_STAGE_LABELS,
  STEP_STAGES,
  VOTE_RULE_LABELS,
  type BallotView,
  type MatterSummary,
  type MatterView,
  type MyPart,
} from '../../../types/council.constants';
import type { Caller } from '../../core/auth/caller';
import { orgRepo } from '../../core/repos/org';
import { signedUrls } from '../../core/storage/tempUrls';
import type { ResidenceDoc } from '../../users/domain/residence';
import { REFUSALS, refusal, voteRefusal } from '../domain/eligibility';
import type { LogEntry, MatterDoc } from '../domain/model';
import { stepOf, windowOpen } from '../domain/stages';
import { cosignsRepo, ratingsRepo, votesRepo } from '../repos/ballots';
import { rollRepo } from '../repos/roll';
import { manages } from './actor';
import { householdOf, residenceOf } from './residence';

const iso = (d: Date | string) => new Date(d).toISOString();

export function summaryOf(m: MatterDoc): MatterSummary {
  return {
    id: m._id,
    title: m.title,
    stage: m.stage,
    stageLabel: MATTER_STAGE_LABELS[m.stage],
    step: stepOf(m.stage),
    scope: { kind: m.scope.kind, kindLabel: MATTER_SCOPE_LABELS[m.scope.kind], id: m.scope.id, name: m.scope.name },
    cosigns: m.cosigns,
    threshold: m.threshold,
    createdAt: iso(m.createdAt),
    closesAt: m.stage === 'voting' && m.ballot ? iso(m.ballot.closesAt) : null,
  };
}

const LOG_LABELS: Record<LogEntry['kind'], string> = {
  raised: '提出议题',
  held: '等待审核',
  shown: '审核通过',
  declined: '不予采纳',
  agenda: '进入议事',
  voteOpened: '发起表决',
  voteClosed: '表决结束',
  meeting: '召开会议',
  progress: '办理进展',
  done: '办理完成',
  closed: '议题结束',
};

/** Turnout per building, for staff (votes carry the building, never the room). */
async function buildingTurnout(matterId: string): Promise<BallotView['buildings']> {
  const counts = new Map<string, number>();
  for (const v of await votesRepo.all(matterId)) counts.set(v.buildingId, (counts.get(v.buildingId) ?? 0) + 1);
  const names = await Promise.all([...counts.keys()].map(async (id) => [id, (await orgRepo.building(id))?.name ?? id] as const));
  return names.map(([buildingId, name]) => ({ buildingId, name, voted: counts.get(buildingId) ?? 0 })).sort((a, b) => a.name.localeCompare(b.name, 'zh-CN', { numeric: true }));
}

export interface ViewContext {
  caller: Caller;
  now: Date;
  /** Already read by the action (undefined: read here). */
  residence?: ResidenceDoc | null;
}

export async function viewOf(m: MatterDoc, { caller, now, residence }: ViewContext): Promise<MatterView> {
  const r = residence === undefined ? await residenceOf(caller.openid) : residence;
  const staff = manages(caller, m);
  const why = refusal(r, m.scope);
  const household = r && r.status === 'verified' ? householdOf(r) : null;
  const open = windowOpen(m, now);
  const progress = m.progress ?? [];
  const rateable = m.stage === 'rating' || m.stage === 'closed';
  const allPhotos = [...m.photos, ...progress.flatMap((p) => p.photos)];
  const [cosign, vote, onRoll, voted, photos, buildings, rated, rating, communityOfHome] = await Promise.all([
    household && !why ? cosignsRepo.get(m._id, household.id) : null,
    household && !why && m.ballot ? votesRepo.get(m._id, household.id) : null,
    household && !why && m.ballot ? rollRepo.get(m.ballot.roll.id, household.id) : null,
    m.ballot ? votesRepo.count(m._id) : 0,
    allPhotos.length ? signedUrls(allPhotos) : new Map<string, string>(),
    staff && m.ballot ? buildingTurnout(m._id) : null,
    household && !why && rateable ? ratingsRepo.get(m._id, household.id) : null,
    rateable ? ratingsRepo.summary(m._id) : null,
    r ? r.communityId : caller.householdBuildingId ? orgRepo.building(caller.householdBuildingId).then((b) => b?.communityId ?? null) : null,
  ]);
  const signed = (ids: string[]) => ids.map((id) => photos.get(id) ?? '').filter((u) => u !== '');
  const optionLabel = (id: string) => m.ballot?.options.find((o) => o.id === id)?.label ?? id;
  const whyNotVote = open ? voteRefusal(r, m.scope, !!onRoll) : why;
  const mine: MyPart = {
    verified: r?.status === 'verified',
    inScope: !why,
    cosigned: !!cosign,
    canCosign: !why && !cosign && (m.stage === 'proposed' || m.stage === 'agenda'),
    onRoll: !!onRoll,
    canVote: !whyNotVote && !vote && open,
    householdVote: vote ? { optionId: vote.optionId, label: optionLabel(vote.optionId), byMe: vote.voter === caller.openid } : null,
    hint: whyNotVote ? REFUSALS[whyNotVote] : null,
    rated: rated?.stars ?? null,
    canRate: !why && !rated && m.stage === 'rating',
    canComment: (staff || communityOfHome === m.communityId) && m.stage !== 'review' && m.stage !== 'declined',
  };
  const ballot: BallotView | null = m.ballot
    ? {
        kind: m.ballot.kind,
        rule: m.ballot.rule,
        ruleLabel: VOTE_RULE_LABELS[m.ballot.rule],
        major: m.ballot.major,
        quorumPercent: m.ballot.quorumPercent,
        options: m.ballot.options,
        opensAt: iso(m.ballot.opensAt),
        closesAt: iso(m.ballot.closesAt),
        open,
        turnout: { voted: m.result ? m.result.votedHouseholds : voted, eligible: m.result ? m.result.eligibleHouseholds : m.ballot.roll.households },
        roll: { households: m.ballot.roll.households, areaKnownHouseholds: m.ballot.roll.areaKnownHouseholds, area: m.ballot.roll.areaCents / 100 },
        buildings,
        result: m.result,
      }
    : null;
  return {
    ...summaryOf(m),
    description: m.description,
    photos: signed(m.photos),
    raisedBy: m.byStaff ? `${m.communityName}` : `${m.raisedFrom}居民`,
    byStaff: m.byStaff,
    communityId: m.communityId,
    communityName: m.communityName,
    version: m.version,
    mine,
    ballot,
    log: m.log.map((e) => ({ at: iso(e.at), label: LOG_LABELS[e.kind], by: e.by.name, note: e.note })),
    meetings: (m.meetings ?? []).map((x) => ({ day: x.day, place: x.place, minutes: x.minutes, by: x.by.name })),
    progress: progress.map((p) => ({ at: iso(p.at), note: p.note, photos: signed(p.photos), owner: p.owner, dueDay: p.dueDay, by: p.by.name })),
    rating: rating && rating.count > 0 ? { count: rating.count, average: Math.round((rating.sum / rating.count) * 10) / 10 } : null,
    can: {
      moderate: staff && (m.stage === 'review' || m.stage === 'proposed'),
      openVote: staff && m.stage === 'agenda',
      advance: staff && (m.stage === 'doing' || m.stage === 'rating'),
      progress: staff && m.stage === 'doing',
      minutes: staff && m.stage === 'agenda',
    },
    isStaff: staff,
  };
}

export const stagesOfStep = (step: (typeof COUNCIL_STEPS)[number] | 'review' | undefined) =>
  step === 'review' ? (['review'] as const) : step ? STEP_STAGES[step] : (['proposed', 'agenda', 'voting', 'doing', 'rating', 'closed', 'declined'] as const);
