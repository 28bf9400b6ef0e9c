/** A unit claims a commitment: staff for it, or the leader of its 党员志愿服务队. Once: a second claim hears who holds it. */
import type { volunteerContract } from '../../../types/volunteer';
import { conflict, forbidden, invalid } from '../../core/errors';
import type { Handler } from '../../core/router';
import { projectsRepo } from '../repos/units';
import { actsForUnit, projectOf, projectViews, unitOf } from '../app/units';

export const claimProject: Handler<typeof volunteerContract.claimProject> = async (input, { caller }) => {
  const [{ project }, unit] = await Promise.all([projectOf(input.id), unitOf(input.unitId)]);
  if (unit.communityId !== project.communityId) throw invalid('unitId', '该单位不在本社区登记');
  if (!(await actsForUnit(caller, unit))) throw forbidden('只有社区工作人员或该单位的服务队队长可以认领');
  if (!(await projectsRepo.claim(project._id, { id: unit._id, name: unit.name }))) {
    const now = await projectsRepo.get(project._id);
    throw conflict(`该项目已由${now?.unit?.name ?? '其他单位'}认领`);
  }
  const after = await projectsRepo.get(project._id);
  const [view] = await projectViews(after ? [after] : [], () => true);
  return view;
};
