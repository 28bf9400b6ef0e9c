import { orgContract } from '../../types/org';
import { createFunction } from '../core/router';
import { listBuildings } from './actions/listBuildings';
import { listUnits } from './actions/listUnits';
import { resolveCode } from './actions/resolveCode';
import { calendarStatus, calendarYear, setCalendarYear } from './actions/calendar';

export const main = createFunction('org', orgContract, { resolveCode, listUnits, listBuildings, calendarYear, setCalendarYear, calendarStatus });
