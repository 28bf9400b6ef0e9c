import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import type { ProjectView } from '@contract/volunteerUnits.constants';
import { api } from '@/api';
import { AsyncView } from '@/components/AsyncView';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { StatusTag } from '@/components/StatusTag';
import { useRequest } from '@/hooks/useRequest';
import { formatTime } from '@/utils/time';
import '../shared/volunteer.scss';

function Project({ project }: { project: ProjectView }) {
  return (
    <View className="card" data-testid="project" data-id={project.id}>
      <View className="item-top">
        <Text className="card__title">{project.content}</Text>
        <StatusTag tone={project.unit ? 'primary' : 'neutral'}>{project.unit ? project.unit.name : '待认领'}</StatusTag>
      </View>
      <Text className="muted">
        责任主体 {project.owner} · 完成时间 {project.dueDay}
      </Text>
      {project.progress.map((p, i) => (
        <View key={`${p.at}-${i}`} data-testid="progress">
          <Text className="muted">
            {formatTime(p.at)} {p.note}
          </Text>
          {p.photos.length ? (
            <View className="photo-row">
              {p.photos.map((url, j) => (
                <Image key={url} className="photo-row__item" src={url} mode="aspectFill" ariaLabel={`进展照片 ${j + 1}`} onClick={() => void Taro.previewImage({ urls: p.photos, current: url })} />
              ))}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}

/** 项目化服务公示: the community's commitments this year, who claimed each, and their progress. */
export default function VolunteerBoard() {
  const { params } = useRouter();
  const state = useRequest(() => api.volunteer.projects({ communityId: params.communityId }), [params.communityId]);
  return (
    <Page className="volunteer">
      <AsyncView state={state}>
        {(board) => (
          <>
            <Text className="card__title" data-testid="board-title">
              {board.community.name} · {board.year}年服务承诺
            </Text>
            <View className="card" data-testid="unit-tally">
              <Text className="card__title">报到单位认领项目</Text>
              {board.units.map((u) => (
                <View key={u.id} className="item-top" data-testid="tally" data-id={u.id}>
                  <Text>{u.name}</Text>
                  <Text className="muted">
                    {u.projects.count}/{u.projects.required}项{u.projects.met ? ' 已达标' : ''}
                  </Text>
                </View>
              ))}
            </View>
            {board.projects.length === 0 ? <EmptyState title="今年还没有公示的服务项目" /> : board.projects.map((p) => <Project key={p.id} project={p} />)}
          </>
        )}
      </AsyncView>
    </Page>
  );
}
