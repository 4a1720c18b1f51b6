/** The verification policy as the core states it (VERIFICATION_POLICY), shown where "verified" is used. */
import { useVerificationPolicy } from '../api/hooks';
import './PolicyNote.css';

export function PolicyNote() {
  const policy = useVerificationPolicy();
  if (!policy.data) return null;
  return (
    <details className="policy-note">
      <summary>
        <strong>Verification policy:</strong> {policy.data.title}
      </summary>
      <p data-testid="verification-policy">{policy.data.text}</p>
      <p className="muted">
        {policy.data.id} v{policy.data.version}
      </p>
    </details>
  );
}
