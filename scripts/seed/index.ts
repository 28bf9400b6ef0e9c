import type { Database } from '../../cloudfunctions/core/platform/cloud';
import { seedAppeals } from './appeals';
import { seedBooking } from './booking';
import { seedCouncil } from './council';
import { orgSeed } from './org';
import { seedVolunteer } from './volunteer';

async function addAll(db: Database, collection: string, docs: object[]) {
  for (let i = 0; i < docs.length; i += 200) {
    await db.collection(collection).add(docs.slice(i, i + 200));
  }
}

/** Seeds the demo data once: a second run finds the district and leaves everything as it is. */
export async function seed(db: Database): Promise<boolean> {
  await seedAppeals(db);
  await seedBooking(db);
  await seedCouncil(db);
  await seedVolunteer(db);
  const { total } = await db.collection('orgUnits').where({ level: 'district' }).count();
  if (total > 0) return false;
  const data = orgSeed();
  await addAll(db, 'propertyCompanies', data.propertyCompanies);
  await addAll(db, 'estates', data.estates);
  await addAll(db, 'buildings', data.buildings);
  await addAll(db, 'users', data.users);
  // The district last: its presence marks a finished seed.
  await addAll(db, 'orgUnits', [...data.units.filter((u) => u.level !== 'district'), ...data.units.filter((u) => u.level === 'district')]);
  return true;
}
