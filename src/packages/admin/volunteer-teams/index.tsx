import { useState } from 'react';
import { useRouter } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { MemberView, TeamView } from '@contract/volunteer.constants';
import { api } from '@/api';
import { toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import '../../volunteer/shared/volunteer.scss';

function Members({ team }: { team: TeamView }) {
  const state = useRequest(() => api.volunteer.members({ teamId: team.id }), [team.id]);
  const [busy, setBusy] = useState<string | null>(null);
  const review = async (m: MemberView, approve: boolean) => {
    setBusy(m.openid);
    try {
      const after = await api.volunteer.reviewMember({ teamId: team.id, openid: m.openid, approve });
      state.setData((state.data ?? []).map((x) => (x.openid === after.openid ? after : x)));
      toast(approve ? `已同意${m.name}加入` : '已拒绝');
    } catch (err) {
      toast(toApiError(err).message, { tone: 'error' });
      state.reload();
    } finally {
      setBusy(null);
    }
  };
  return (
    <View className="card" data-testid="team-members" data-id={team.id}>
      <Text className="card__title">{team.name}</Text>
      <Text className="muted">
        队长 {team.leaderName} · {team.members}名队员 · {team.joinPolicyLabel}
      </Text>
      <AsyncView state={state}>
        {(list) =>
          list.length === 0 ? (
            <Text className="muted">还没有队员</Text>
          ) : (
            <>
              {list.map((m) => (
                <View key={m.openid} className="item-top" data-testid="member" data-openid={m.openid}>
                  <Text>
                    {m.name} <Text className="muted">{formatTime(m.at)}</Text>
                  </Text>
                  {m.status === 'pending' ? (
                    <View className="volunteer__tags">
                      <Button size="small" type="primary" disabled={busy !== null} onClick={() => void review(m, true)} data-testid={`approve-${m.openid}`}>
                        同意
                      </Button>
                      <Button size="small" disabled={busy !== null} onClick={() => void review(m, false)} data-testid={`reject-${m.openid}`}>
                        拒绝
                      </Button>
                    </View>
                  ) : (
                    <StatusTag tone={m.status === 'active' ? 'primary' : 'neutral'}>{m.statusLabel}</StatusTag>
                  )}
                </View>
              ))}
            </>
          )
        }
      </AsyncView>
    </View>
  );
}

/** 双报到: the party members reported to the community, who has served this half-year (community staff). */
function Reported({ communityId }: { communityId?: string }) {
  const state = useRequest(() => api.volunteer.reportedMembers({ communityId }), [communityId]);
  if (state.error?.code === 'FORBIDDEN') return null; // a team leader who is not staff
  return (
    <AsyncView state={state}>
      {(r) => (
        <View className="card" data-testid="reported">
          <Text className="card__title">
            双报到党员 · {r.halfYear.label}
          </Text>
          <Text className="muted" data-testid="reported-summary">
            共{r.members.length}人报到，已参加服务{r.done}人，尚未参加{r.members.length - r.done}人
          </Text>
          {r.members.map((m) => (
            <View key={m.openid} className="item-top" data-testid="reported-member" data-openid={m.openid}>
              <Text>
                {m.name}
                {m.unit ? <Text className="muted">（{m.unit}）</Text> : null}
              </Text>
              <StatusTag tone={m.done ? 'primary' : 'warning'}>{m.done ? `${m.activities}次 ${m.hours}小时` : '尚未参加'}</StatusTag>
            </View>
          ))}
        </View>
      )}
    </AsyncView>
  );
}

export default function VolunteerTeamAdmin() {
  const { params } = useRouter();
  const state = useRequest(() => api.volunteer.teams({ communityId: params.communityId }), [params.communityId]);
  return (
    <Page className="volunteer">
      <AsyncView state={state}>
        {({ community, teams }) => {
          const managed = teams.filter((t) => t.canManage);
          return (
            <>
              <Text className="card__title">{community.name} · 志愿服务队</Text>
              {managed.length === 0 ? <EmptyState title="您还没有可管理的服务队" /> : managed.map((t) => <Members key={t.id} team={t} />)}
              <Reported communityId={params.communityId} />
            </>
          );
        }}
      </AsyncView>
    </Page>
  );
}
