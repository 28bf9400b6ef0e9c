/** The `exports` collection: the kernel's background file jobs (core/jobs/fileJobs.ts). */
import { fileJobRepo } from '../../core/jobs/fileJobs';
import type { ExportDoc } from '../domain/model';

export const exportsRepo = fileJobRepo<ExportDoc>('exports');
