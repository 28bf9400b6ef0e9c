import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { JOIN_POLICIES, JOIN_POLICY_LABELS, VOLUNTEER_LIMITS, type JoinPolicy } from '@contract/volunteer.constants';
import { UNIT_LIMITS, type TeamAdminRow, type UnitView, type UnitsView } from '@contract/volunteerUnits.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import '../../volunteer/shared/volunteer.scss';

function FormError({ error, testId }: { error?: ApiError; testId: string }) {
  if (!error || error.issues.length > 0) return null;
  return (
    <View className="field-error" ariaRole="alert" data-testid={testId}>
      <Text>{error.message}</Text>
    </View>
  );
}

function RegisterUnit({ communityId, onDone }: { communityId?: string; onDone: (u: UnitView) => void }) {
  const [name, setName] = useState('');
  const [contact, setContact] = useState('');
  const [phone, setPhone] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const unit = await api.volunteer.registerUnit({ communityId, name, contact, phone });
      toast(`${unit.name}已登记`);
      setName('');
      setContact('');
      setPhone('');
      onDone(unit);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="register-unit">
      <Text className="card__title">登记报到单位</Text>
      <TextField label="单位名称" kind="line" testId="unit-name" path="name" error={error} value={name} maxLength={UNIT_LIMITS.unitNameMax} onChange={setName} labelAs="section" />
      <TextField label="联系人" kind="line" testId="unit-contact" path="contact" error={error} value={contact} maxLength={UNIT_LIMITS.contactMax} onChange={setContact} labelAs="section" />
      <TextField label="联系电话" kind="line" testId="unit-phone" path="phone" error={error} value={phone} maxLength={13} onChange={setPhone} labelAs="section" />
      <FormError error={error} testId="register-error" />
      <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="register">
        登记
      </Button>
    </View>
  );
}

function UnitCard({ unit }: { unit: UnitView }) {
  const p = unit.projects;
  return (
    <View className="card" data-testid="unit" data-id={unit.id}>
      <View className="item-top">
        <Text className="card__title">{unit.name}</Text>
        <StatusTag tone={p.met ? 'primary' : 'warning'}>{p.met ? `${p.year}年项目已达标` : `${p.year}年项目差${p.missing}个`}</StatusTag>
      </View>
      <Text className="muted">
        联系人 {unit.contact} · {unit.phone}
      </Text>
      <Text className="muted" data-testid="unit-projects">
        认领项目 {p.count}/{p.required} · 报到党员 {unit.members}人
      </Text>
      <Text className="muted">党员志愿服务队：{unit.teams.length ? unit.teams.map((t) => t.name).join('、') : '尚未组建'}</Text>
    </View>
  );
}

/** Create (no team) or edit a team: name, intro, how to join, the unit it serves for. */
function TeamForm({ view, team, onSaved, onCancel }: { view: UnitsView; team: TeamAdminRow | null; onSaved: (t: TeamAdminRow) => void; onCancel: () => void }) {
  const [name, setName] = useState(team?.name ?? '');
  const [intro, setIntro] = useState(team?.intro ?? '');
  const [joinPolicy, setJoinPolicy] = useState<JoinPolicy>(team?.joinPolicy ?? 'open');
  const [unitId, setUnitId] = useState<string | null>(team?.unit?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const save = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const saved = await api.volunteer.saveTeam({ id: team?.id, communityId: view.community.id, name, intro, joinPolicy, unitId });
      toast(team ? '服务队已保存' : '服务队已创建');
      onSaved(saved);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="team-form">
      <Text className="card__title">{team ? `编辑 ${team.name}` : '新建服务队'}</Text>
      <TextField label="服务队名称" kind="line" testId="team-name" path="name" error={error} value={name} maxLength={UNIT_LIMITS.teamNameMax} onChange={setName} labelAs="section" />
      <TextField label="简介（选填）" testId="team-intro" path="intro" error={error} value={intro} maxLength={VOLUNTEER_LIMITS.introMax} onChange={setIntro} labelAs="section" />
      <Text className="text-field__label">入队方式</Text>
      <Chips<JoinPolicy> testId="join-policy" options={JOIN_POLICIES.map((p) => ({ value: p, label: JOIN_POLICY_LABELS[p] }))} value={joinPolicy} onChange={setJoinPolicy} />
      <Text className="text-field__label">党员志愿服务队所属单位</Text>
      <Chips<string | null> testId="team-unit" options={[{ value: null, label: '社区服务队' }, ...view.units.map((u) => ({ value: u.id, label: u.name }))]} value={unitId} onChange={setUnitId} />
      <FormError error={error} testId="team-error" />
      <View className="button-stack">
        <Button block type="primary" loading={busy} disabled={busy} onClick={() => void save()} data-testid="save-team">
          保存
        </Button>
        <Button block disabled={busy} onClick={onCancel} data-testid="cancel-team">
          取消
        </Button>
      </View>
    </View>
  );
}

/** Appoint a leader from the team's active members. */
function Leader({ team, onAppointed }: { team: TeamAdminRow; onAppointed: (t: TeamAdminRow) => void }) {
  const state = useRequest(() => api.volunteer.members({ teamId: team.id }), [team.id]);
  const [busy, setBusy] = useState(false);
  const appoint = async (openid: string) => {
    setBusy(true);
    try {
      const after = await api.volunteer.appointLeader({ teamId: team.id, openid });
      toast(`已任命${after.leader.name}为队长`);
      onAppointed(after);
    } catch (err) {
      toast(toApiError(err).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <AsyncView state={state}>
      {(members) => {
        const active = members.filter((m) => m.status === 'active' && m.openid !== team.leader.openid);
        return active.length === 0 ? (
          <Text className="muted">暂无可任命的队员</Text>
        ) : (
          <Chips<string> testId="appoint" disabled={busy} options={active.map((m) => ({ value: m.openid, label: m.name }))} value={team.leader.openid} onChange={(openid) => void appoint(openid)} />
        );
      }}
    </AsyncView>
  );
}

function TeamRow({ team, onEdit, onChanged }: { team: TeamAdminRow; onEdit: () => void; onChanged: (t: TeamAdminRow) => void }) {
  const [appointing, setAppointing] = useState(false);
  return (
    <View className="card" data-testid="team" data-id={team.id}>
      <View className="item-top">
        <Text className="card__title">{team.name}</Text>
        {team.unit ? <StatusTag tone="primary">党员志愿服务队</StatusTag> : null}
      </View>
      <Text className="muted">
        队长 {team.leader.name} · {JOIN_POLICY_LABELS[team.joinPolicy]}
        {team.unit ? ` · ${team.unit.name}` : ''}
      </Text>
      <View className="volunteer__tags">
        <Button size="small" onClick={onEdit} data-testid={`edit-${team.id}`}>
          编辑
        </Button>
        <Button size="small" onClick={() => setAppointing((v) => !v)} data-testid={`leader-${team.id}`}>
          任命队长
        </Button>
      </View>
      {appointing ? (
        <Leader
          team={team}
          onAppointed={(t) => {
            setAppointing(false);
            onChanged(t);
          }}
        />
      ) : null}
    </View>
  );
}

export default function VolunteerUnits() {
  const { params } = useRouter();
  const state = useRequest(() => api.volunteer.units({ communityId: params.communityId }), [params.communityId]);
  const [editing, setEditing] = useState<TeamAdminRow | 'new' | null>(null);
  const replaceTeam = (view: UnitsView, t: TeamAdminRow) => {
    const known = view.teams.some((x) => x.id === t.id);
    state.setData({ ...view, teams: known ? view.teams.map((x) => (x.id === t.id ? t : x)) : [...view.teams, t] });
    // The units' team lists follow the teams.
    state.reload();
  };
  return (
    <Page className="volunteer">
      <AsyncView state={state}>
        {(view) => (
          <>
            <Text className="card__title">{view.community.name} · 报到单位</Text>
            {view.units.length === 0 ? <EmptyState title="还没有登记的报到单位" /> : view.units.map((u) => <UnitCard key={u.id} unit={u} />)}
            <RegisterUnit communityId={view.community.id} onDone={() => state.reload()} />
            <Text className="card__title">志愿服务队</Text>
            {editing ? (
              <TeamForm
                key={editing === 'new' ? 'new' : editing.id}
                view={view}
                team={editing === 'new' ? null : editing}
                onCancel={() => setEditing(null)}
                onSaved={(t) => {
                  setEditing(null);
                  replaceTeam(view, t);
                }}
              />
            ) : (
              <Button block type="primary" onClick={() => setEditing('new')} data-testid="new-team">
                新建服务队
              </Button>
            )}
            {view.teams.map((t) => (
              <TeamRow key={t.id} team={t} onEdit={() => setEditing(t)} onChanged={(after) => replaceTeam(view, after)} />
            ))}
          </>
        )}
      </AsyncView>
    </Page>
  );
}
