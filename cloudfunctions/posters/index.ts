import { postersContract } from '../../types/posters';
import { createFunction } from '../core/router';
import { download } from './actions/download';
import { list } from './actions/list';
import { request } from './actions/request';
import { generatePosters } from './jobs/generatePosters';

export const main = createFunction('posters', postersContract, { request, list, download }, { generatePosters });
