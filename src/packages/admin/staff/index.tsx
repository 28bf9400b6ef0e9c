import { useState } from 'react';
import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ROLE_LABELS } from '@contract/contract';
import type { OrgLevel } from '@contract/org.constants';
import { grantLabel, INVITE_TTL, type GrantableRole, type InvitationView, type StaffMemberView } from '@contract/staff.constants';
import type { Me } from '@contract/users';
import { api } from '@/api';
import { toApiError, type ApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { InfoRow } from '@/components/InfoRow';
import { Page } from '@/components/Page';
import { PagedListView } from '@/components/PagedList';
import { StatusTag } from '@/components/StatusTag';
import { FieldError } from '@/components/TextField';
import { toast } from '@/components/toast';
import { usePagedList } from '@/hooks/usePagedList';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import { uuid } from '@/utils/uuid';
import { UnitPicker } from './UnitPicker';
import './index.scss';

const LEVEL_OF: Record<GrantableRole, OrgLevel | null> = { district_commander: 'district', street_commander: 'street', community_staff: 'community', grid_worker: 'grid', property_staff: null };
const ORDER: GrantableRole[] = ['district_commander', 'street_commander', 'community_staff', 'grid_worker'];

/** The roles the caller may grant: their own level and below, or their company's property staff. */
function grantableBy(me: Me): GrantableRole[] {
  const level = me.jurisdiction?.level;
  // The district may also start a property company's first staff.
  if (level === 'district') return [...ORDER, 'property_staff'];
  if (level && level !== 'grid') return ORDER.slice(ORDER.findIndex((r) => LEVEL_OF[r] === level));
  return me.roles.includes('property_staff') ? ['property_staff'] : [];
}

const TTLS = [24, INVITE_TTL.defaultHours, INVITE_TTL.maxHours].map((h) => ({ value: h, label: h % 24 === 0 ? `${h / 24}天` : `${h}小时` }));

/** 角色 + 单位: the grant an invitation or a change gives. */
/** 物业公司: the caller's own (shown), or a choice for the district. */
function CompanyPicker({ value, onChange, testId }: { value: string | null; onChange: (id: string) => void; testId: string }) {
  const companies = useRequest(() => api.staff.companies({}), []);
  return (
    <AsyncView state={companies}>
      {(list) => (
        <>
          <Text className="staff__label">物业公司</Text>
          <Chips<string | null> testId={testId} options={list.map((c) => ({ value: c.id, label: c.name }))} value={value} onChange={(id) => id && onChange(id)} />
        </>
      )}
    </AsyncView>
  );
}

function GrantForm({ me, submitLabel, onSubmit, testId }: { me: Me; submitLabel: string; onSubmit: (grant: { role: GrantableRole; unitId?: string; propertyCompanyId?: string }) => Promise<void>; testId: string }) {
  const roles = grantableBy(me);
  const [role, setRole] = useState<GrantableRole>(roles[roles.length - 1] ?? 'grid_worker');
  const [path, setPath] = useState<Array<{ id: string; level: OrgLevel }>>([]);
  const [company, setCompany] = useState<string | null>(me.propertyCompany?.id ?? null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const level = LEVEL_OF[role];
  const unit = path[path.length - 1];
  const ready = level === null ? company !== null : unit?.level === level;
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await onSubmit({ role, unitId: level ? unit?.id : undefined, propertyCompanyId: level ? undefined : (company ?? undefined) });
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View data-testid={testId}>
      <Text className="staff__label">角色</Text>
      <Chips<GrantableRole> testId={`${testId}-role`} options={roles.map((r) => ({ value: r, label: ROLE_LABELS[r] }))} value={role} onChange={(r) => (setRole(r), setPath([]))} />
      {level ? (
        <UnitPicker level={level} path={path} onChange={setPath} />
      ) : me.propertyCompany ? (
        <InfoRow label="物业公司" value={me.propertyCompany.name} />
      ) : (
        <CompanyPicker testId={`${testId}-company`} value={company} onChange={setCompany} />
      )}
      <FieldError message={error?.fieldMessage('unitId') ?? error?.message} testId={testId} />
      <View className="button-stack">
        <Button block type="primary" loading={busy} disabled={busy || !ready} onClick={() => void submit()} data-testid={`${testId}-submit`}>
          {submitLabel}
        </Button>
      </View>
    </View>
  );
}

function InviteCard({ me }: { me: Me }) {
  const [ttl, setTtl] = useState<number>(INVITE_TTL.defaultHours);
  const [issued, setIssued] = useState<InvitationView>();
  const [formKey, setFormKey] = useState(0);
  // One request id per form: a retried tap returns the same invitation.
  const [requestId, setRequestId] = useState(uuid);
  if (issued)
    return (
      <View className="card" data-testid="invitation">
        <Text className="card__title">邀请已生成</Text>
        <Text className="staff__meta">请对方用微信扫描二维码，或在“接受邀请”页输入邀请码。邀请码只能使用一次。</Text>
        <Text className="staff__code" data-testid="invitation-code">
          {issued.code}
        </Text>
        {issued.qr && <Image className="staff__qr" src={issued.qr} mode="aspectFit" ariaLabel="邀请二维码" nativeProps={{ alt: '邀请二维码' }} data-testid="invitation-qr" />}
        <InfoRow label="角色" value={grantLabel(issued)} />
        <InfoRow label="有效期至" value={formatTime(issued.expiresAt)} testId="invitation-expires" />
        <View className="button-stack">
          <Button block fill="outline" onClick={() => (setIssued(undefined), setFormKey((k) => k + 1), setRequestId(uuid()))} data-testid="invite-again">
            再邀请一位
          </Button>
        </View>
      </View>
    );
  return (
    <View className="card">
      <Text className="card__title">邀请工作人员</Text>
      <Text className="staff__label">有效期</Text>
      <Chips<number> testId="ttl" options={TTLS} value={ttl} onChange={setTtl} />
      <GrantForm
        key={formKey}
        me={me}
        testId="invite"
        submitLabel="生成邀请码"
        onSubmit={async (grant) => {
          const inv = await api.staff.invite({ ...grant, ttlHours: ttl, requestId });
          setIssued(inv);
          toast('邀请已生成');
        }}
      />
    </View>
  );
}

type Mode = 'idle' | 'change' | 'revoke';

function MemberRow({ me, member, onDone }: { me: Me; member: StaffMemberView; onDone: () => void }) {
  const [mode, setMode] = useState<Mode>('idle');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.staff.revoke({ openid: member.openid });
      toast(`已撤销 ${member.name} 的权限`);
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="member" data-openid={member.openid}>
      <View className="staff__row">
        <Text className="card__title">{member.name}</Text>
        <StatusTag tone="primary">{member.roleLabel}</StatusTag>
      </View>
      <InfoRow label={member.unitName ? '单位' : '物业公司'} value={member.unitName ?? member.propertyCompanyName ?? ''} />
      {member.phone && <InfoRow label="电话" value={member.phone} />}
      {member.canManage && mode === 'idle' && (
        <View className="button-stack">
          <Button block fill="outline" onClick={() => setMode('change')} data-testid="member-change">
            调整角色
          </Button>
          <Button block fill="outline" onClick={() => setMode('revoke')} data-testid="member-revoke">
            撤销权限
          </Button>
        </View>
      )}
      {mode === 'change' && (
        <>
          <GrantForm
            me={me}
            testId="change"
            submitLabel="确认调整"
            onSubmit={async (grant) => {
              await api.staff.changeRole({ openid: member.openid, ...grant });
              toast(`已调整 ${member.name} 的角色`);
              setMode('idle');
              onDone();
            }}
          />
          <Button block fill="outline" onClick={() => setMode('idle')} data-testid="member-back">
            返回
          </Button>
        </>
      )}
      {mode === 'revoke' && (
        <View className="button-stack">
          <Text className="staff__meta">撤销后，{member.name} 将不能再使用工作台，其住户信息保留。</Text>
          <FieldError message={error?.message} testId="member-revoke" />
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void revoke()} data-testid="member-revoke-confirm">
            确认撤销
          </Button>
          <Button block fill="outline" disabled={busy} onClick={() => setMode('idle')} data-testid="member-back">
            返回
          </Button>
        </View>
      )}
    </View>
  );
}

function Members({ me }: { me: Me }) {
  const list = usePagedList(async (page) => {
    const p = await api.staff.list({ page });
    return { ...p, items: p.items.map((m) => ({ ...m, id: m.openid })) };
  }, []);
  return (
    <PagedListView
      list={list}
      testId="members"
      header={<Text className="staff__meta">辖区内共 {list.total} 名工作人员</Text>}
      renderItem={(m) => <MemberRow me={me} member={m} onDone={() => list.reload(true)} />}
      empty={<EmptyState title="辖区内还没有工作人员" />}
    />
  );
}

function Invitations() {
  const list = usePagedList(async (page) => {
    const p = await api.staff.invitations({ page });
    return { ...p, items: p.items.map((i) => ({ ...i, id: i.code })) };
  }, []);
  return (
    <PagedListView
      list={list}
      testId="invitations"
      renderItem={(inv) => (
        <View className="card" data-testid="invitation-item" data-code={inv.code}>
          <View className="staff__row">
            <Text className="card__title">{inv.code}</Text>
            <StatusTag tone={inv.status === 'pending' ? 'warning' : inv.status === 'used' ? 'primary' : 'neutral'}>{inv.statusLabel}</StatusTag>
          </View>
          <InfoRow label="角色" value={grantLabel(inv)} />
          <InfoRow label="有效期至" value={formatTime(inv.expiresAt)} />
          {inv.usedBy && <InfoRow label="使用人" value={`${inv.usedBy.name}（${formatTime(inv.usedAt)}）`} />}
        </View>
      )}
      empty={<EmptyState title="还没有发出邀请" />}
    />
  );
}

function Audit() {
  const list = usePagedList(async (page) => api.staff.audit({ page }), []);
  return (
    <PagedListView
      list={list}
      testId="audit"
      renderItem={(e) => (
        <View className="card" data-testid="audit-entry" data-kind={e.kind}>
          <View className="staff__row">
            <Text className="card__title">{e.kindLabel}</Text>
            <Text className="staff__meta">{formatTime(e.at)}</Text>
          </View>
          <InfoRow label="操作人" value={e.by.name} />
          {e.target && <InfoRow label="人员" value={e.target.name} />}
          {e.previous && <InfoRow label="原角色" value={grantLabel(e.previous)} />}
          <InfoRow label={e.kind === 'revoked' ? '撤销的角色' : '角色'} value={grantLabel(e.grant)} />
          {e.code && <InfoRow label="邀请码" value={e.code} />}
        </View>
      )}
      empty={<EmptyState title="暂无变更记录" />}
    />
  );
}

type Tab = 'invite' | 'members' | 'invitations' | 'audit';
const TABS: ReadonlyArray<{ value: Tab; label: string }> = [
  { value: 'invite', label: '邀请' },
  { value: 'members', label: '人员' },
  { value: 'invitations', label: '邀请记录' },
  { value: 'audit', label: '变更记录' },
];

/** 人员与权限: invite staff at or below one's level, change or revoke those below, read the audit. */
export default function StaffAdmin() {
  const [tab, setTab] = useState<Tab>('invite');
  const me = useRequest(() => api.users.me({}), []);
  return (
    <Page className="staff">
      <Chips<Tab> testId="tab" options={TABS} value={tab} onChange={setTab} />
      <AsyncView state={me}>
        {(profile) =>
          grantableBy(profile).length === 0 ? (
            <EmptyState title="您没有邀请工作人员的权限" />
          ) : tab === 'invite' ? (
            <InviteCard me={profile} />
          ) : tab === 'members' ? (
            <Members me={profile} />
          ) : tab === 'invitations' ? (
            <Invitations />
          ) : (
            <Audit />
          )
        }
      </AsyncView>
    </Page>
  );
}
