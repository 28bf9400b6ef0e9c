/** The detail a caller gets back: the pure view, its photos as URLs signed for this caller (core/storage/tempUrls). */
import type { AppealDetail } from '../../../types/appeals';
import { signedUrls } from '../../core/storage/tempUrls';
import type { Actor, AppealDoc } from '../domain/model';
import { toDetail } from '../domain/views';

export async function detailFor(appeal: AppealDoc, actor: Actor, now: Date): Promise<AppealDetail> {
  const view = toDetail(appeal, actor, now);
  const all = [...view.photos, ...(view.resolution?.photos ?? []), ...view.timeline.flatMap((e) => e.photos)];
  if (all.length === 0) return view;
  const urls = await signedUrls(all);
  const sign = (ids: string[]) => ids.map((id) => urls.get(id) ?? id).filter(Boolean);
  return {
    ...view,
    photos: sign(view.photos),
    resolution: view.resolution ? { ...view.resolution, photos: sign(view.resolution.photos) } : null,
    timeline: view.timeline.map((e) => ({ ...e, photos: sign(e.photos) })),
  };
}
