import Taro, { useDidShow } from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { TeamView } from '@contract/volunteer.constants';
import { routes } from '@contract/routes';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { EmptyState } from '@/components/EmptyState';
import { LinkRow } from '@/components/LinkRow';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { currentPlace } from '@/state/place';
import { ActivityCard } from './shared/ActivityCard';
import './shared/volunteer.scss';

function Team({ team, onChange }: { team: TeamView; onChange: (t: TeamView) => void }) {
  const [busy, setBusy] = useState(false);
  const join = async () => {
    setBusy(true);
    try {
      const after = await api.volunteer.joinTeam({ teamId: team.id });
      onChange(after);
      toast(after.myStatus === 'active' ? `已加入${after.name}` : '已提交申请，等待队长审核');
    } catch (err) {
      toast(toApiError(err).message, { tone: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="team" data-id={team.id}>
      <View className="item-top">
        <Text className="card__title">{team.name}</Text>
        {team.myStatus && <StatusTag tone={team.myStatus === 'active' ? 'primary' : team.myStatus === 'pending' ? 'warning' : 'neutral'}>{team.myStatus === 'active' ? '已加入' : team.myStatus === 'pending' ? '待审核' : '未通过'}</StatusTag>}
      </View>
      {team.intro && <Text className="muted">{team.intro}</Text>}
      <Text className="muted">
        队长 {team.leaderName} · {team.members}名队员 · {team.joinPolicyLabel}
      </Text>
      {team.canManage && (
        <LinkRow title="管理本队" description="发布活动、签到表、入队审核" onClick={() => void Taro.navigateTo({ url: routes.volunteerActivities() })} testId={`manage-${team.id}`} />
      )}
      {(team.myStatus === null || team.myStatus === 'rejected') && (
        <Button size="small" type="primary" loading={busy} disabled={busy} onClick={() => void join()} data-testid={`join-${team.id}`}>
          {team.joinPolicy === 'open' ? '加入服务队' : '申请加入'}
        </Button>
      )}
    </View>
  );
}

/** The household's community, else the one of the building last scanned (a visitor without an address). */
const scannedCommunity = () => currentPlace()?.community.id;

async function withPlace<T>(load: (communityId?: string) => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (err) {
    const communityId = scannedCommunity();
    if (err instanceof ApiError && err.code === 'INVALID_INPUT' && communityId) return load(communityId);
    throw err;
  }
}

export default function VolunteerHome() {
  const teams = useRequest(() => withPlace((communityId) => api.volunteer.teams({ communityId })), []);
  const activities = useRequest(() => withPlace((communityId) => api.volunteer.activities({ communityId, pageSize: 20 })), []);
  useDidShow(() => activities.reload());
  return (
    <Page className="volunteer">
      <LinkRow title="我的服务记录" description="服务时长、本年度和本半年合计" onClick={() => void Taro.navigateTo({ url: routes.volunteerRecord() })} testId="open-record" />
      <LinkRow title="党员双报到" description="报到单位和居住社区，本半年是否参加服务" onClick={() => void Taro.navigateTo({ url: routes.volunteerDeclare() })} testId="open-declare" />
      <LinkRow title="志愿服务证明" description="开具证明、生成图片；凭验证码核验" onClick={() => void Taro.navigateTo({ url: routes.volunteerCertificate() })} testId="open-certificate" />
      <LinkRow title="项目化服务公示" description="社区年度服务承诺、认领单位和进展" onClick={() => void Taro.navigateTo({ url: routes.volunteerBoard() })} testId="open-board" />
      <AsyncView
        state={activities}
        errorAction={
          <Text className="muted" onClick={() => void Taro.reLaunch({ url: routes.home() })}>
            扫描楼栋码或在“我的”里绑定住址后，即可查看本社区的志愿活动
          </Text>
        }
      >
        {(page) => (
          <View data-testid="activities">
            <Text className="card__title">{page.community.name} · 近期活动</Text>
            {page.items.length === 0 ? (
              <EmptyState title="近期没有志愿活动" description="服务队发布活动后会显示在这里" />
            ) : (
              page.items.map((a) => <ActivityCard key={a.id} activity={a} url={routes.volunteerActivity(a.id)} />)
            )}
          </View>
        )}
      </AsyncView>
      <AsyncView state={teams}>
        {({ teams: list }) => (
          <View data-testid="teams">
            <Text className="card__title">志愿服务队</Text>
            {list.length === 0 ? (
              <EmptyState title="本社区还没有志愿服务队" />
            ) : (
              list.map((t) => <Team key={t.id} team={t} onChange={(after) => teams.setData({ ...teams.data!, teams: teams.data!.teams.map((x) => (x.id === after.id ? after : x)) })} />)
            )}
          </View>
        )}
      </AsyncView>
    </Page>
  );
}
