/** Import files: the county mailbox's last check, and a button to check now (the app also checks by itself). */
import { errorMessage } from '../../api/client';
import { useCheckMailboxNow, useMailboxStatus } from '../../api/settings-hooks';
import { useSession, useSessionToken } from '../../session';
import { MailboxLastCheck } from '../MailboxLastCheck';
import { Card, Notice } from '../ui';

/** The county mailbox's last check, and a button to check now (the app also checks by itself). */
export function MailboxLine() {
  const status = useMailboxStatus();
  const check = useCheckMailboxNow();
  const session = useSessionToken();
  const { navigate } = useSession();
  if (!status.data) return null;
  return (
    <Card
      title="County mailbox"
      actions={
        status.data.configured ? (
          <button
            type="button"
            className="button"
            disabled={check.isPending || session === ''}
            onClick={() => check.mutate({ session })}
          >
            {check.isPending || status.data.checking ? 'Checking…' : 'Check now'}
          </button>
        ) : (
          <button type="button" className="button" onClick={() => navigate({ screen: 'settings' })}>
            Set up the mailbox
          </button>
        )
      }
    >
      <MailboxLastCheck status={status.data} />
      {check.error ? (
        <Notice kind="error" role="alert">
          {errorMessage(check.error)}
        </Notice>
      ) : null}
    </Card>
  );
}
