/**
 * A requester's files written in the background (台账, 一码通海报): the paged list, looked at again every
 * few seconds while one is queued or being written, and `request` for the form's button (busy while
 * it runs, told in words, the list refreshed).
 */
import { useEffect, useState } from 'react';
import type { Page } from '@contract/appeals.constants';
import { toApiError } from '@/api/errors';
import { toast } from '@/components/toast';
import { usePagedList, type PagedList } from '@/hooks/usePagedList';

const POLL_MS = 3000;

export interface FileJobs<T> {
  list: PagedList<T>;
  submitting: boolean;
  request: (send: () => Promise<unknown>) => Promise<void>;
}

export function useFileJobs<T extends { id: string; status: string }>(load: (page: number) => Promise<Page<T>>): FileJobs<T> {
  const [submitting, setSubmitting] = useState(false);
  const list = usePagedList(load, []);
  const pending = list.items.some((job) => job.status === 'queued' || job.status === 'running');

  useEffect(() => {
    if (!pending) return undefined;
    const timer = setTimeout(() => list.reload(true), POLL_MS);
    return () => clearTimeout(timer);
  }, [pending, list.items]);

  const request = async (send: () => Promise<unknown>) => {
    setSubmitting(true);
    try {
      await send();
      toast('已提交，正在后台生成');
      list.reload(true);
    } catch (error) {
      toast(toApiError(error).message, { tone: 'error' });
    } finally {
      setSubmitting(false);
    }
  };

  return { list, submitting, request };
}
