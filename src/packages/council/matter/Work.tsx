import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text, Image } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { COUNCIL_LIMITS, type MatterView } from '@contract/council.constants';
import { api } from '@/api';
import { ApiError, toApiError } from '@/api/errors';
import { Chips } from '@/components/Chips';
import { PhotoPicker } from '@/components/PhotoPicker';
import { FieldError, TextField } from '@/components/TextField';
import { toast } from '@/components/toast';
import { formatTime } from '@/utils/time';
import { uuid } from '@/utils/uuid';

/** 办事: the steps of the work so far; staff add one (what was done, photos, who answers, by when). */
export function Progress({ m, onDone }: { m: MatterView; onDone: (m: MatterView) => void }) {
  const [note, setNote] = useState('');
  const [owner, setOwner] = useState('');
  const [dueDay, setDueDay] = useState('');
  const [photos, setPhotos] = useState<string[]>([]);
  const [folder] = useState(uuid);
  const [uploading, setUploading] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (m.progress.length === 0 && !m.can.progress) return null;

  const submit = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await api.council.progress({ id: m.id, version: m.version, note, photos, owner: owner.trim() || undefined, dueDay: dueDay.trim() || undefined });
      toast('已登记办理进展');
      setNote('');
      setOwner('');
      setDueDay('');
      setPhotos([]);
      onDone(next);
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="progress">
      <Text className="card__title">办理进展</Text>
      {m.progress.map((p, i) => (
        <View key={i} className="council__comment" data-testid="progress-step">
          <Text className="council__meta">
            {formatTime(p.at)} · {p.by}
            {p.owner ? ` · 负责人${p.owner}` : ''}
            {p.dueDay ? ` · 计划${p.dueDay}前完成` : ''}
          </Text>
          <Text className="council__body">{p.note}</Text>
          {p.photos.length > 0 && (
            <View className="council__photos">
              {p.photos.map((url, j) => (
                <Image key={url} className="council__photo" src={url} mode="aspectFill" ariaLabel={`进展照片 ${j + 1}`} onClick={() => void Taro.previewImage({ urls: p.photos, current: url })} />
              ))}
            </View>
          )}
        </View>
      ))}
      {m.can.progress && (
        <>
          <TextField label="本次进展" testId="progress-note" path="note" error={error} value={note} maxLength={COUNCIL_LIMITS.noteMax} onChange={setNote} />
          <TextField label="负责人（选填）" kind="line" testId="progress-owner" path="owner" error={error} value={owner} maxLength={COUNCIL_LIMITS.ownerMax} onChange={setOwner} />
          <TextField label="计划完成日期（选填，如 2026-12-31）" kind="line" testId="progress-due" path="dueDay" error={error} value={dueDay} maxLength={10} onChange={setDueDay} />
          <PhotoPicker testId="progress-photos" folder={`council/${folder}`} max={COUNCIL_LIMITS.photosMax} photos={photos} onChange={setPhotos} disabled={busy} onUploading={setUploading} />
          <FieldError message={error?.fieldMessage('photos')} testId="progress-photos" />
          {error && error.issues.length === 0 && <Text className="field-error">{error.message}</Text>}
          <Button block type="primary" loading={busy} disabled={busy || uploading} onClick={() => void submit()} data-testid="progress-submit">
            登记进展
          </Button>
        </>
      )}
    </View>
  );
}

const STARS = [1, 2, 3, 4, 5].map((n) => ({ value: n, label: `${n}星` }));

/** 评事: the households' average, and the household's own rating (once). */
export function Rating({ m, onDone }: { m: MatterView; onDone: (m: MatterView) => void }) {
  const [stars, setStars] = useState<number | null>(null);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError>();
  if (m.stage !== 'rating' && m.stage !== 'closed') return null;
  if (!m.rating && !m.mine.canRate && m.mine.rated === null) return null;

  const submit = async () => {
    if (stars === null) return setError(new ApiError('INVALID_INPUT', '请选择评分', [{ path: 'stars', message: '请选择评分' }]));
    setBusy(true);
    setError(undefined);
    try {
      onDone(await api.council.rate({ id: m.id, stars, comment: comment.trim() || undefined }));
      toast('感谢您的评价');
    } catch (err) {
      setError(toApiError(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card" data-testid="rating">
      <Text className="card__title">评事</Text>
      <View>
        <Text className="council__meta" data-testid="rating-summary">
          {m.rating ? `${m.rating.count} 户评价，平均 ${m.rating.average} 星` : '还没有住户评价'}
        </Text>
      </View>
      {m.mine.rated !== null && (
        <View>
          <Text className="muted">您家的评价：{m.mine.rated} 星</Text>
        </View>
      )}
      {m.mine.canRate && (
        <>
          <Chips options={STARS} value={stars} onChange={setStars} testId="stars" />
          <FieldError message={error?.fieldMessage('stars')} testId="stars" />
          <TextField label="评价（选填）" testId="rating-comment" path="comment" error={error} value={comment} maxLength={COUNCIL_LIMITS.noteMax} onChange={setComment} />
          {error && error.issues.length === 0 && <Text className="field-error">{error.message}</Text>}
          <Button block type="primary" loading={busy} disabled={busy} onClick={() => void submit()} data-testid="rate-submit">
            提交评价
          </Button>
        </>
      )}
    </View>
  );
}
