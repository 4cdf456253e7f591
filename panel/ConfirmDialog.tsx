/** A question before something that cannot be taken back silently: the action, or keep things as they are. */
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
} from '@fluentui/react-components';
import type { ReactElement } from 'react';

export interface ConfirmDialogProps {
  /** The question's body; the dialog is open while there is one. */
  readonly body: string | undefined;
  readonly title: string;
  readonly confirm: string;
  readonly keep: string;
  readonly testId: string;
  readonly onConfirm: () => void;
  readonly onKeep: () => void;
}

export function ConfirmDialog({
  body,
  title,
  confirm,
  keep,
  testId,
  onConfirm,
  onKeep,
}: ConfirmDialogProps): ReactElement {
  return (
    <Dialog open={body !== undefined} onOpenChange={(_, d) => !d.open && onKeep()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{title}</DialogTitle>
          <DialogContent>{body}</DialogContent>
          <DialogActions>
            <Button appearance="primary" data-testid={testId} onClick={onConfirm}>
              {confirm}
            </Button>
            <Button onClick={onKeep}>{keep}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
