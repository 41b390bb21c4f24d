import { useCallback } from 'react';
import { Button } from 'antd';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { useFeedback } from '../../components/feedback';
import { outcomeText } from '../../graphql/errors';
import { UpdateTaskMutation } from './documents';

interface TaskRef { id: string; title: string; version: number; status: string }

/**
 * Complete a task (with Undo in the toast, for a few seconds) or reopen it: both are
 * `updateTask` with a status, sending the version so a stale click cannot overwrite a change.
 */
export function useTaskActions(onChanged: () => void) {
  const { t, i18n } = useTranslation();
  const { message } = useFeedback();
  const [, update] = useMutation(UpdateTaskMutation);

  const reopen = useCallback(async (task: TaskRef, quiet = false) => {
    const r = await update({ input: { id: task.id, status: 'OPEN', expectedVersion: task.version } });
    const text = outcomeText(i18n, r.error, r.data?.updateTask.errors);
    if (text) message.error(text);
    else if (!quiet) message.success(t('task.reopened'));
    onChanged();
    return !text;
  }, [update, i18n, message, t, onChanged]);

  const complete = useCallback(async (task: TaskRef) => {
    const r = await update({ input: { id: task.id, status: 'DONE', expectedVersion: task.version } });
    const text = outcomeText(i18n, r.error, r.data?.updateTask.errors);
    if (text) {
      message.error(text);
      return false;
    }
    onChanged();
    const version = r.data?.updateTask.task?.version ?? task.version + 1;
    const key = `task-done-${task.id}`;
    message.success({
      key,
      duration: 6,
      content: (
        <span data-testid="task-done-toast">
          {t('task.completed', { title: task.title })}{' '}
          <Button size="small" type="link" data-testid="undo-complete" onClick={() => {
            message.destroy(key);
            void reopen({ ...task, version, status: 'DONE' }, true);
          }}>{t('common.undo')}</Button>
        </span>
      ),
    });
    return true;
  }, [update, i18n, message, t, onChanged, reopen]);

  return { complete, reopen };
}
