import { orgContract } from '../../types/org';
import { createFunction } from '../core/router';
import { listBuildings } from './actions/listBuildings';
import { listUnits } from './actions/listUnits';
import { resolveCode } from './actions/resolveCode';
import { calendarStatus, calendarYear, setCalendarYear } from './actions/calendar';
import { importOrg } from './actions/importOrg';

export const main = createFunction('org', orgContract, { resolveCode, listUnits, listBuildings, calendarYear, setCalendarYear, calendarStatus, importOrg });
