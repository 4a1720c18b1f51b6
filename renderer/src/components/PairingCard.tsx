/**
 * The chair makes a one-time pairing code for a new station laptop: the code in big letters, its QR,
 * the hub address to type and the certificate fingerprint the station will pin (to compare there).
 */
import { useEffect, useState } from 'react';
import { errorMessage } from '../api/client';
import { type HubInfo, useCreatePairingCode } from '../api/team-hooks';
import { formatTime } from '../format';
import { useSession } from '../session';
import { Card, Notice } from './ui';
import './PairingCard.css';

export function PairingCard({ hub }: { hub: HubInfo | null }) {
  const { person } = useSession();
  const create = useCreatePairingCode();
  const chair = person?.role === 'chair';
  const expired = useExpired(create.data?.expiresAt ?? null);
  // An expired code is no use to anyone: it leaves the screen (a used one stays until it expires; the hub
  // does not say which code a station used, on purpose).
  const code = create.data && !expired ? create.data : null;

  return (
    <Card
      title="Pair a station laptop"
      className="pairing-card"
      actions={
        chair && hub ? (
          <button
            type="button"
            className="button primary"
            disabled={create.isPending}
            onClick={() => person && create.mutate({ session: person.session })}
          >
            {code ? 'Make another code' : 'Make a pairing code'}
          </button>
        ) : null
      }
    >
      {!hub ? (
        <Notice kind="warning">
          The hub is not listening on the network, so no station can connect. Restart Tallyroom as the hub.
        </Notice>
      ) : !chair ? (
        <p className="hint">The county chair makes pairing codes and revokes stations.</p>
      ) : null}
      {create.error ? (
        <p className="field-message error" role="alert">
          {errorMessage(create.error)}
        </p>
      ) : null}
      {expired ? (
        <p className="hint" role="status">
          The last code expired. Make a new one when the next laptop is ready.
        </p>
      ) : null}
      {code ? (
        <section className="pairing-code-panel" aria-label="Pairing code">
          <img className="pairing-qr" src={code.qrDataUrl} alt={`QR code of pairing code ${code.code}`} />
          <dl className="pairing-facts">
            <div>
              <dt>Pairing code</dt>
              <dd className="pairing-code mono" data-testid="pairing-code">
                {code.code}
              </dd>
              <dd className="dd-note">Once only, until {formatTime(code.expiresAt)}.</dd>
            </div>
            <div>
              <dt>Hub address</dt>
              <dd className="mono" data-testid="pairing-hub-url">
                {code.hubUrls[0] ?? '—'}
              </dd>
              {code.hubUrls.length > 1 ? <dd className="dd-note">Also: {code.hubUrls.slice(1).join(', ')}</dd> : null}
            </div>
            <div>
              <dt>Hub fingerprint</dt>
              <dd className="fingerprint mono" data-testid="hub-fingerprint">
                {code.fingerprint}
              </dd>
              <dd className="dd-note">The station shows the same fingerprint once it is paired: compare them.</dd>
            </div>
          </dl>
        </section>
      ) : hub && chair ? (
        <p className="hint">
          On the station laptop, open Tallyroom, choose “Connect to the county hub”, and type the hub address and the
          code shown here (or scan its QR). Each code works once, for a few minutes.
        </p>
      ) : null}
      {hub ? (
        <p className="hint hub-address-line">
          This hub listens at <span className="mono">{hub.urls.join(', ')}</span> · fingerprint{' '}
          <span className="mono fingerprint-short" title={hub.fingerprint}>
            {hub.fingerprint.slice(0, 23)}…
          </span>
        </p>
      ) : null}
    </Card>
  );
}

/** True once `expiresAt` has passed (checked every few seconds while a code is shown). */
function useExpired(expiresAt: string | null): boolean {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!expiresAt) return;
    const timer = setInterval(() => setNow(Date.now()), 5_000);
    return () => clearInterval(timer);
  }, [expiresAt]);
  return expiresAt !== null && Date.parse(expiresAt) <= now;
}
