/** Where a building code points, in the shape an appeal keeps (names copied for display). */
import { orgRepo } from '../../core/repos/org';
import { placeOf } from '../domain/place';
import type { Place } from '../domain/model';

export const placesRepo = {
  async byCode(code: string): Promise<Place> {
    return placeOf(await orgRepo.placeOfCode(code));
  },
};
