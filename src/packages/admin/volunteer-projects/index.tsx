import { useState } from 'react';
import Taro, { useRouter } from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { UNIT_LIMITS, type ProjectBoard, type ProjectView } from '@contract/volunteerUnits.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { AsyncView } from '@/components/AsyncView';
import { Chips } from '@/components/Chips';
import { EmptyState } from '@/components/EmptyState';
import { Page } from '@/components/Page';
import { PhotoPicker } from '@/components/PhotoPicker';
import { StatusTag } from '@/components/StatusTag';
import { TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { useRequest } from '@/hooks/useRequest';
import { formatTime, today } from '@/utils/time';
import '../../volunteer/shared/volunteer.scss';

function Publish({ communityId, onDone }: { communityId: string; onDone: () => void }) {
  const [content, setContent] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDay, setDueDay] = useState(`${today().slice(0, 4)}-12-31`);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.volunteer.publishProject({ communityId, content, owner, dueDay });
      toast('服务项目已发布');
      setContent('');
      setOwner('');
      onDone();
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="card" data-testid="publish-project">
      <Text className="card__title">发布年度服务项目</Text>
      <TextField label="服务内容" testId="project-content" path="content" error={error} value={content} maxLength={UNIT_LIMITS.contentMax} onChange={setContent} labelAs="section" />
      <TextField label="责任主体" kind="line" testId="project-owner" path="owner" error={error} value={owner} maxLength={UNIT_LIMITS.ownerMax} onChange={setOwner} labelAs="section" />
      <TextField label="完成时间（YYYY-MM-DD）" kind="line" testId="project-due" path="dueDay" error={error} value={dueDay} maxLength={10} onChange={setDueDay} labelAs="section" />
      {error && error.issues.length === 0 ? (
        <View className="field-error" ariaRole="alert" data-testid="publish-error">
          <Text>{error.message}</Text>
        </View>
      ) : null}
      <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="publish">
        发布
      </Button>
    </View>
  );
}

/** Claim for a unit (unclaimed), or post progress with photos (claimed). */
function Manage({ board, project, onChanged }: { board: ProjectBoard; project: ProjectView; onChanged: (p: ProjectView) => void }) {
  const [unitId, setUnitId] = useState(board.units[0]?.id ?? '');
  const [note, setNote] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  const run = async (call: () => Promise<ProjectView>, done: string) => {
    setBusy(true);
    setError(undefined);
    try {
      const after = await call();
      toast(done);
      setNote('');
      setPhotos([]);
      onChanged(after);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };
  if (!project.unit) {
    if (board.units.length === 0) return <Text className="muted">请先登记报到单位</Text>;
    return (
      <View data-testid="claim-form">
        <Text className="text-field__label">认领单位</Text>
        <Chips<string> testId="claim-unit" options={board.units.map((u) => ({ value: u.id, label: u.name }))} value={unitId} onChange={setUnitId} />
        {error ? (
          <View className="field-error" ariaRole="alert" data-testid="claim-error">
            <Text>{error.message}</Text>
          </View>
        ) : null}
        <Button block type="primary" loading={busy} disabled={busy || !unitId} onClick={() => void run(() => api.volunteer.claimProject({ id: project.id, unitId }), '已认领')} data-testid={`claim-${project.id}`}>
          代单位认领
        </Button>
      </View>
    );
  }
  return (
    <View data-testid="progress-form">
      <TextField label="进展说明" testId="progress-note" path="note" error={error} value={note} maxLength={UNIT_LIMITS.noteMax} onChange={setNote} labelAs="section" />
      <PhotoPicker testId="progress-photos" folder={`volunteer/${project.id}`} max={UNIT_LIMITS.photosMax} photos={photos} onChange={setPhotos} disabled={busy} onUploading={setUploading} />
      {error && error.issues.length === 0 ? (
        <View className="field-error" ariaRole="alert" data-testid="progress-error">
          <Text>{error.message}</Text>
        </View>
      ) : null}
      <Button block type="primary" loading={busy} disabled={busy || uploading} onClick={() => void run(() => api.volunteer.projectProgress({ id: project.id, note, photos }), '进展已发布')} data-testid={`progress-${project.id}`}>
        发布进展
      </Button>
    </View>
  );
}

function ProjectItem({ board, project, onChanged }: { board: ProjectBoard; project: ProjectView; onChanged: (p: ProjectView) => void }) {
  const [open, setOpen] = useState(false);
  const last = project.progress[project.progress.length - 1];
  return (
    <View className="card" data-testid="project" data-id={project.id}>
      <View className="item-top">
        <Text className="card__title">{project.content}</Text>
        <StatusTag tone={project.unit ? 'primary' : 'warning'}>{project.unit ? project.unit.name : '待认领'}</StatusTag>
      </View>
      <Text className="muted">
        责任主体 {project.owner} · 完成时间 {project.dueDay}
      </Text>
      {last ? (
        <View>
          <Text className="muted">
            最新进展（{formatTime(last.at)}）：{last.note}
          </Text>
          {last.photos.length ? (
            <View className="photo-row">
              {last.photos.map((url, i) => (
                <Image key={url} className="photo-row__item" src={url} mode="aspectFill" ariaLabel={`进展照片 ${i + 1}`} onClick={() => void Taro.previewImage({ urls: last.photos, current: url })} />
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
      {project.canManage ? (
        open ? (
          <Manage board={board} project={project} onChanged={(p) => { setOpen(false); onChanged(p); }} />
        ) : (
          <Button size="small" onClick={() => setOpen(true)} data-testid={`manage-${project.id}`}>
            {project.unit ? '更新进展' : '认领'}
          </Button>
        )
      ) : null}
    </View>
  );
}

/** 项目化服务 for community staff: publish commitments, claim them for units, post progress with photos. */
export default function VolunteerProjects() {
  const { params } = useRouter();
  const state = useRequest(() => api.volunteer.projects({ communityId: params.communityId }), [params.communityId]);
  const [publishing, setPublishing] = useState(false);
  return (
    <Page className="volunteer">
      <AsyncView state={state}>
        {(board) => (
          <>
            <Text className="card__title">
              {board.community.name} · {board.year}年项目化服务
            </Text>
            <View className="card" data-testid="unit-tally">
              <Text className="card__title">各单位认领情况（每年不少于{UNIT_LIMITS.projectsPerYear}项）</Text>
              {board.units.length === 0 ? <Text className="muted">还没有登记的报到单位</Text> : null}
              {board.units.map((u) => (
                <View key={u.id} className="item-top" data-testid="tally" data-id={u.id}>
                  <Text>{u.name}</Text>
                  <StatusTag tone={u.projects.met ? 'primary' : 'warning'}>{`${u.projects.count}/${u.projects.required}`}</StatusTag>
                </View>
              ))}
            </View>
            {board.canManage ? (
              publishing ? (
                <Publish communityId={board.community.id} onDone={() => { setPublishing(false); state.reload(); }} />
              ) : (
                <Button block type="primary" onClick={() => setPublishing(true)} data-testid="open-publish">
                  发布服务项目
                </Button>
              )
            ) : null}
            {board.projects.length === 0 ? <EmptyState title="今年还没有发布服务项目" /> : null}
            {board.projects.map((p) => (
              <ProjectItem key={p.id} board={board} project={p} onChanged={(after) => { state.setData({ ...board, projects: board.projects.map((x) => (x.id === after.id ? after : x)) }); state.reload(); }} />
            ))}
          </>
        )}
      </AsyncView>
    </Page>
  );
}
