/** Progress on a claimed commitment, with photos (the poster's own uploads, screened by the router). */
import type { volunteerContract } from '../../../types/volunteer';
import { conflict } from '../../core/errors';
import type { Handler } from '../../core/router';
import { projectsRepo } from '../repos/units';
import { personOf } from '../app/access';
import { managedProject, projectViews } from '../app/units';

export const projectProgress: Handler<typeof volunteerContract.projectProgress> = async (input, { caller, now, screening }) => {
  const { project } = await managedProject(caller, input.id);
  if (!project.unit) throw conflict('该项目还没有单位认领');
  if (screening === 'review') throw conflict('内容需人工审核，请修改后再提交');
  await projectsRepo.addProgress(project._id, { at: now, by: personOf(caller), note: input.note, photos: input.photos });
  const after = await projectsRepo.get(project._id);
  const [view] = await projectViews(after ? [after] : [], () => true);
  return view;
};
