import { useState } from 'react';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import {
  ACTIVITY_TYPES,
  ACTIVITY_TYPE_LABELS,
  REQUIREMENTS,
  REQUIREMENT_LABELS,
  VOLUNTEER_LIMITS,
  HOURS_UNITS,
  ROUNDING_MODES,
  ROUNDING_MODE_LABELS,
  type ActivityType,
  type HoursRule,
  type Requirement,
  type RoundingMode,
  type TeamView,
} from '@contract/volunteer.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips, ToggleChip } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';
import { addDays, today } from '@/utils/time';
import { uuid } from '@/utils/uuid';
import { ActivityCard } from '../../volunteer/shared/ActivityCard';
import { shanghaiInstant } from '../volunteer-shared/time';
import '../../volunteer/shared/volunteer.scss';

type Scope = 'upcoming' | 'past';

function CreateForm({ teams, onCreated }: { teams: TeamView[]; onCreated: (id: string) => void }) {
  const [teamId, setTeamId] = useState(teams[0]?.id ?? '');
  const [title, setTitle] = useState('');
  const [type, setType] = useState<ActivityType>('help');
  const [place, setPlace] = useState('');
  const [description, setDescription] = useState('');
  const [day, setDay] = useState(addDays(today(), 1));
  const [startClock, setStartClock] = useState('09:00');
  const [endClock, setEndClock] = useState('11:00');
  const [capacity, setCapacity] = useState('10');
  const [requirements, setRequirements] = useState<Requirement[]>([]);
  const [requestId, setRequestId] = useState(uuid);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();

  const submit = async (publish: boolean) => {
    const start = shanghaiInstant(day, startClock);
    const end = shanghaiInstant(day, endClock);
    if (!start || !end) {
      setError(new ApiError('INVALID_INPUT', '请填写正确的日期和时间', [{ path: start ? 'end' : 'start', message: '日期格式为 YYYY-MM-DD，时间格式为 HH:mm' }]));
      return;
    }
    setBusy(true);
    setError(undefined);
    try {
      const created = await api.volunteer.createActivity({ requestId, teamId, title, type, place, description, start, end, capacity: Number(capacity), requirements, publish });
      toast(publish ? '活动已发布' : '已存为草稿');
      setRequestId(uuid());
      onCreated(created.id);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  const toggle = (r: Requirement, on: boolean) => setRequirements((list) => (on ? [...list, r] : list.filter((x) => x !== r)));

  return (
    <View className="card" data-testid="create-activity">
      <Text className="card__title">发布志愿活动</Text>
      <Text className="text-field__label">服务队</Text>
      <Chips<string> testId="team" options={teams.map((t) => ({ value: t.id, label: t.name }))} value={teamId} onChange={setTeamId} />
      <FieldError testId="teamId" message={error?.fieldMessage('teamId')} />
      <TextField label="活动名称" kind="line" testId="title" path="title" error={error} value={title} maxLength={VOLUNTEER_LIMITS.titleMax} onChange={setTitle} labelAs="section" />
      <Text className="text-field__label">活动类型</Text>
      <Chips<ActivityType> testId="type" options={ACTIVITY_TYPES.map((t) => ({ value: t, label: ACTIVITY_TYPE_LABELS[t] }))} value={type} onChange={setType} />
      <TextField label="活动地点" kind="line" testId="place" path="place" error={error} value={place} maxLength={VOLUNTEER_LIMITS.placeMax} onChange={setPlace} labelAs="section" />
      <TextField label="日期（YYYY-MM-DD）" kind="line" testId="day" path="start" error={error} value={day} maxLength={10} onChange={setDay} labelAs="section" />
      <TextField label="开始时间（HH:mm）" kind="line" testId="start-clock" path="startClock" value={startClock} maxLength={5} onChange={setStartClock} labelAs="section" />
      <TextField label="结束时间（HH:mm）" kind="line" testId="end-clock" path="end" error={error} value={endClock} maxLength={5} onChange={setEndClock} labelAs="section" />
      <TextField label="招募人数" kind="number" testId="capacity" path="capacity" error={error} value={capacity} maxLength={3} onChange={setCapacity} labelAs="section" />
      <Text className="text-field__label">报名条件</Text>
      <View className="volunteer__tags">
        {REQUIREMENTS.map((r) => (
          <ToggleChip key={r} label={REQUIREMENT_LABELS[r]} checked={requirements.includes(r)} onChange={(on) => toggle(r, on)} testId={`requirement-${r}`} />
        ))}
      </View>
      <TextField label="活动内容（选填）" testId="description" path="description" error={error} value={description} maxLength={VOLUNTEER_LIMITS.descriptionMax} onChange={setDescription} labelAs="section" />
      {error && !error.issues.length && (
        <View className="field-error" ariaRole="alert" data-testid="create-error">
          <Text>{error.message}</Text>
        </View>
      )}
      <View className="button-stack">
        <Button block type="primary" loading={busy} disabled={busy || !teamId} onClick={() => void submit(true)} data-testid="publish">
          发布
        </Button>
        <Button block disabled={busy || !teamId} onClick={() => void submit(false)} data-testid="save-draft">
          存为草稿
        </Button>
      </View>
    </View>
  );
}

/** 时长取整规则 of the community (its staff only; a leader does not see it). */
function HoursRuleCard({ communityId }: { communityId?: string }) {
  const state = useRequest(() => api.volunteer.hoursRule({ communityId }), [communityId]);
  const [busy, setBusy] = useState(false);
  if (state.error?.code === 'FORBIDDEN') return null;
  const save = async (rule: HoursRule) => {
    setBusy(true);
    try {
      state.setData(await api.volunteer.setHoursRule({ communityId, unitMinutes: rule.unitMinutes as (typeof HOURS_UNITS)[number], mode: rule.mode }));
      toast('时长规则已保存');
    } catch (err) {
      toast(toApiError(err).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <AsyncView state={state}>
      {(rule) => (
        <View className="card" data-testid="hours-rule">
          <Text className="card__title">服务时长取整规则</Text>
          <Text className="muted">按签到、签退计算的分钟数，取整到以下单位</Text>
          <Chips<number> testId="rule-unit" disabled={busy} options={HOURS_UNITS.map((n) => ({ value: n, label: n === 60 ? '1小时' : `${n}分钟` }))} value={rule.unitMinutes} onChange={(unitMinutes) => void save({ ...rule, unitMinutes })} />
          <Chips<RoundingMode> testId="rule-mode" disabled={busy} options={ROUNDING_MODES.map((m) => ({ value: m, label: ROUNDING_MODE_LABELS[m] }))} value={rule.mode} onChange={(mode) => void save({ ...rule, mode })} />
        </View>
      )}
    </AsyncView>
  );
}

export default function VolunteerActivities() {
  const { params } = useRouter();
  const [scope, setScope] = useState<Scope>('upcoming');
  const [creating, setCreating] = useState(false);
  const teams = useRequest(() => api.volunteer.teams({ communityId: params.communityId }), [params.communityId]);
  const list = usePagedList((page) => api.volunteer.manageActivities({ communityId: params.communityId, scope, page, pageSize: 10 }), [scope, params.communityId]);
  useDidShow(() => list.reload(true));
  const managed = teams.data?.teams.filter((t) => t.canManage) ?? [];

  return (
    <Page className="volunteer">
      {creating ? (
        <AsyncView state={teams}>
          {() =>
            managed.length === 0 ? (
              <EmptyState title="您还没有可管理的服务队" />
            ) : (
              <CreateForm
                teams={managed}
                onCreated={(id) => {
                  setCreating(false);
                  list.reload(true);
                  void Taro.navigateTo({ url: routes.volunteerRoster(id) });
                }}
              />
            )
          }
        </AsyncView>
      ) : (
        <Button block type="primary" onClick={() => setCreating(true)} data-testid="open-create">
          发布新活动
        </Button>
      )}
      <Chips<Scope>
        testId="scope"
        options={[
          { value: 'upcoming', label: '未结束' },
          { value: 'past', label: '已结束' },
        ]}
        value={scope}
        onChange={setScope}
      />
      <PagedListView
        list={list}
        testId="managed-activities"
        empty={<EmptyState title={scope === 'upcoming' ? '没有未结束的活动' : '没有已结束的活动'} />}
        renderItem={(a) => <ActivityCard activity={a} url={routes.volunteerRoster(a.id)} />}
      />
      <HoursRuleCard communityId={params.communityId} />
    </Page>
  );
}
