/** The `posterBatches` collection: the kernel's background file jobs (core/jobs/fileJobs.ts). */
import { fileJobRepo } from '../../core/jobs/fileJobs';
import type { PosterBatchDoc } from '../domain/model';

export const batchesRepo = fileJobRepo<PosterBatchDoc>('posterBatches');
