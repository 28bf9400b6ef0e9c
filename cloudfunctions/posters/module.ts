/** 一码通海报: print-ready PDFs of the building door codes of a grid, community or street, drawn in the background. */
import { postersContract } from '../../types/posters';
import { fileJobCollection } from '../core/jobs/fileJobs';
import { defineModule } from '../core/module';

export const postersModule = defineModule({
  name: 'posters',
  contract: postersContract,
  collections: [fileJobCollection('posterBatches')],
  templates: {},
});
