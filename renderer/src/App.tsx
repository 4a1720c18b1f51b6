/** The shell: left navigation, header (county, election, rules, operator), the current screen. */
import { type ReactNode, useEffect } from 'react';
import { useOverview } from './api/hooks';
import { ROLE_LABELS, RULES_LABELS } from './api/types';
import { PendingBadge } from './components/PendingBadge';
import { SignInDialog } from './components/SignInDialog';
import { SkipLink } from './components/SkipLink';
import { StationGate, TeamBanner } from './components/StationGate';
import { Kbd } from './components/ui';
import { formatDate } from './format';
import { Audit } from './screens/Audit';
import { AuditLog } from './screens/AuditLog';
import { CountySetup } from './screens/CountySetup';
import { Dashboard } from './screens/Dashboard';
import { Discrepancies } from './screens/Discrepancies';
import { ExportBundle } from './screens/ExportBundle';
import { ImportFiles } from './screens/ImportFiles';
import { Precincts } from './screens/Precincts';
import { Recount } from './screens/Recount';
import { Review } from './screens/Review';
import { ScanReview } from './screens/ScanReview';
import { Settings } from './screens/Settings';
import { StateParty } from './screens/StateParty';
import { Team } from './screens/Team';
import { WorksheetEntry } from './screens/WorksheetEntry';
import { type ScreenId, useSession } from './session';
import './App.css';

interface NavItem {
  readonly id: ScreenId;
  readonly label: string;
  readonly icon: ReactNode;
}

const stroke = {
  fill: 'none',
  stroke: 'currentColor',
  strokeWidth: 1.8,
  strokeLinecap: 'round',
  strokeLinejoin: 'round',
} as const;

const NAV: readonly NavItem[] = [
  {
    id: 'dashboard',
    label: 'Dashboard',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <rect x="3.5" y="3.5" width="7" height="9" rx="1.5" />
        <rect x="13.5" y="3.5" width="7" height="5" rx="1.5" />
        <rect x="13.5" y="11.5" width="7" height="9" rx="1.5" />
        <rect x="3.5" y="15.5" width="7" height="5" rx="1.5" />
      </svg>
    ),
  },
  {
    id: 'worksheet',
    label: 'Enter worksheet',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <rect x="4.5" y="3.5" width="15" height="17" rx="2" />
        <path d="M8 8h8M8 12h8M8 16h5" />
      </svg>
    ),
  },
  {
    id: 'precincts',
    label: 'Precincts',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <path d="M12 21s-6.5-5.6-6.5-11a6.5 6.5 0 0 1 13 0c0 5.4-6.5 11-6.5 11z" />
        <circle cx="12" cy="10" r="2.3" />
      </svg>
    ),
  },
  {
    id: 'discrepancies',
    label: 'Discrepancies',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <rect x="3.5" y="5.5" width="7" height="13" rx="1.5" />
        <rect x="13.5" y="5.5" width="7" height="13" rx="1.5" />
        <path d="M6 10h2M6 14h2M16 10h2M16 14h2" />
      </svg>
    ),
  },
  {
    id: 'recount',
    label: 'Recount',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <path d="M4.5 12a7.5 7.5 0 0 1 13-5.1M19.5 12a7.5 7.5 0 0 1-13 5.1" />
        <path d="M17.5 3.5v3.6h-3.6M6.5 20.5v-3.6h3.6" />
      </svg>
    ),
  },
  {
    id: 'audit',
    label: 'Audit log',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <path d="M9 7.5h-1.5a3 3 0 0 0 0 6H9M15 10.5h1.5a3 3 0 0 1 0 6H15M9.5 12h5" />
      </svg>
    ),
  },
  {
    id: 'setup',
    label: 'County setup',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <circle cx="12" cy="12" r="3" />
        <path d="M12 3v2.5M12 18.5V21M3 12h2.5M18.5 12H21M5.6 5.6l1.8 1.8M16.6 16.6l1.8 1.8M5.6 18.4l1.8-1.8M16.6 7.4l1.8-1.8" />
      </svg>
    ),
  },
  {
    id: 'import',
    label: 'Import files',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <path d="M12 3.5v11M7.5 10l4.5 4.5 4.5-4.5" />
        <path d="M4.5 15.5v3a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-3" />
      </svg>
    ),
  },
  {
    id: 'review',
    label: 'Review',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <rect x="3.5" y="5.5" width="17" height="13" rx="2" />
        <path d="M3.5 7.5l8.5 6 8.5-6" />
      </svg>
    ),
  },
  {
    id: 'team',
    label: 'Team',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <rect x="3" y="4.5" width="8" height="6" rx="1.2" />
        <rect x="13" y="4.5" width="8" height="6" rx="1.2" />
        <rect x="8" y="14.5" width="8" height="6" rx="1.2" />
        <path d="M7 10.5v2h10v-2M12 12.5v2" />
      </svg>
    ),
  },
  {
    id: 'settings',
    label: 'Settings',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <path d="M4 7h10M18 7h2M4 17h4M12 17h8" />
        <circle cx="16" cy="7" r="2" />
        <circle cx="10" cy="17" r="2" />
      </svg>
    ),
  },
  {
    id: 'rla',
    label: 'Risk-limiting audit',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <circle cx="10.5" cy="10.5" r="6" />
        <path d="M15 15l5 5M8 10.5l2 2 3.5-4" />
      </svg>
    ),
  },
  {
    id: 'export',
    label: 'Export bundle',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <path d="M12 14.5v-11M7.5 8L12 3.5 16.5 8" />
        <path d="M4.5 15.5v3a2 2 0 0 0 2 2h11a2 2 0 0 0 2-2v-3" />
      </svg>
    ),
  },
  {
    id: 'state-party',
    label: 'State party',
    icon: (
      <svg viewBox="0 0 24 24" aria-hidden="true" {...stroke}>
        <path d="M12 3.5l7.5 3v5c0 4.5-3.2 8-7.5 9-4.3-1-7.5-4.5-7.5-9v-5z" />
        <path d="M8.8 12l2.2 2.2 4.2-4.4" />
      </svg>
    ),
  },
];

const SCREENS: Record<ScreenId, () => ReactNode> = {
  rla: () => <Audit />,
  dashboard: () => <Dashboard />,
  worksheet: () => <WorksheetEntry />,
  precincts: () => <Precincts />,
  discrepancies: () => <Discrepancies />,
  recount: () => <Recount />,
  audit: () => <AuditLog />,
  setup: () => <CountySetup />,
  import: () => <ImportFiles />,
  review: () => <Review />,
  'scan-review': () => <ScanReview />,
  team: () => <Team />,
  settings: () => <Settings />,
  export: () => <ExportBundle />,
  'state-party': () => <StateParty />,
};

export function App() {
  const { route, navigate, signInOpen, authState, person } = useSession();

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const index = Number(event.key) - 1;
      const digit = /^Digit([1-9])$/.exec(event.code);
      const target = NAV[digit ? Number(digit[1]) - 1 : index];
      if (target) {
        event.preventDefault();
        navigate({ screen: target.id });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [navigate]);

  return (
    <StationGate>
      <div className="app" data-auth={authState} inert={signInOpen ? true : undefined}>
        <SkipLink target="main" />
        <nav className="sidebar" aria-label="Main">
          <div className="brand">
            <svg viewBox="0 0 32 32" className="brand-mark" aria-hidden="true">
              <rect x="2" y="2" width="28" height="28" rx="7" />
              <path d="M9 22V14M14 22V10M19 22v-6M24 22V12" />
            </svg>
            <span>Tallyroom</span>
          </div>
          <ul>
            {NAV.map((item, index) => (
              <li key={item.id}>
                <button
                  type="button"
                  className={route.screen === item.id ? 'nav-item active' : 'nav-item'}
                  aria-current={route.screen === item.id ? 'page' : undefined}
                  onClick={() => navigate({ screen: item.id })}
                  // Alt+1..9 reach the first nine screens; the rest are a click away.
                  aria-keyshortcuts={index < 9 ? `Alt+${index + 1}` : undefined}
                >
                  <span className="nav-icon">{item.icon}</span>
                  <span className="nav-label">{item.label}</span>
                  <PendingBadge screen={item.id} />
                  {index < 9 ? <Kbd>Alt+{index + 1}</Kbd> : null}
                </button>
              </li>
            ))}
          </ul>
          <div className="sidebar-foot">
            <p>
              <Kbd>Ctrl+Enter</Kbd> saves a worksheet
            </p>
            <p className="sidebar-mode">{window.tallyroom ? 'Desktop app' : 'Local browser session'} · offline</p>
          </div>
        </nav>
        <div className="main-column">
          <Header />
          <TeamBanner />
          {/* A new person at the keyboard starts from a fresh screen: nothing of the last person's entry stays. */}
          <main className="content" id="main" tabIndex={-1} key={person?.session ?? 'nobody'}>
            {SCREENS[route.screen]()}
          </main>
        </div>
      </div>
      {signInOpen ? <SignInDialog /> : null}
    </StationGate>
  );
}

function Header() {
  const overview = useOverview();
  const { person, switchPerson, authState } = useSession();
  const election = overview.data?.election ?? null;
  return (
    <header className="topbar">
      <div className="topbar-title">
        {election ? (
          <>
            <span className="county-name">{election.county}</span>
            <span className="election-name">
              {election.name} · {formatDate(election.date)}
            </span>
          </>
        ) : (
          <span className="county-name muted">No county set up</span>
        )}
      </div>
      {election ? (
        <span className="rules-chip" title={RULES_LABELS[election.rulesProfile]}>
          Rules: <strong>{election.rulesProfile}</strong>
        </span>
      ) : null}
      {authState === 'no-county' ? null : (
        <div className="operator">
          <span className="operator-label">{person ? 'Signed in' : 'Not signed in'}</span>
          <span className="operator-name" data-testid="operator-name">
            {person?.name ?? '—'}
          </span>
          {person ? (
            <span className={`role-chip role-${person.role}`} data-testid="operator-role">
              {ROLE_LABELS[person.role]}
            </span>
          ) : null}
          {person ? (
            <button type="button" className="button ghost small" onClick={switchPerson}>
              Sign out
            </button>
          ) : null}
        </div>
      )}
    </header>
  );
}
