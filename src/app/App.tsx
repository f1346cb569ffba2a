import { lazy, Suspense, useEffect } from 'react';
import { CataloguePage } from './CataloguePage';
import { LoadingBar } from './LoadingBar';
import { NavBar } from './NavBar';
import { useRoute, type Route } from './route';
import { sessionActions, useSession } from './session';
import { SignInPage } from './SignInPage';
import { useTranslation } from 'react-i18next';

const named = <K extends string>(load: () => Promise<Record<K, React.ComponentType<any>>>, name: K) =>
  lazy(() => load().then((m) => ({ default: m[name] })));

/** The authoring studio: its editor's 3D view loads with it. */
const StudioPage = named(() => import('./studio/StudioPage'), 'StudioPage');
/** The 3D stage (three, React Three Fiber, WebXR) loads only when a product or a drill is opened; charts only with progress. */
const ComparePage = named(() => import('./ComparePage'), 'ComparePage');
const DrillPage = named(() => import('./drill/DrillPage'), 'DrillPage');
/** The detector (tfjs, coco-ssd, its worker and weights) loads only when Scan opens. */
const ScanPage = named(() => import('./scan/ScanPage'), 'ScanPage');
const ProgressPage = named(() => import('./progress/ProgressPage'), 'ProgressPage');
const GroupsPage = named(() => import('./progress/GroupsPage'), 'GroupsPage');
const UsersPage = named(() => import('./progress/UsersPage'), 'UsersPage');
/** Shared live sessions: the room client (colyseus.js) and the stage load only when Live opens. */
const LivePage = named(() => import('./live/LivePage'), 'LivePage');
const LiveRecordPage = named(() => import('./live/LiveRecordPage'), 'LiveRecordPage');
/** The inspection assistant: its stage loads with a product; its records sync from app start. */
const InspectPage = named(() => import('./inspect/InspectPage'), 'InspectPage');
/** One's account, the forced password change after a temporary password, and a reset link's page. */
const AccountPage = named(() => import('./account/AccountPage'), 'AccountPage');
const ForcedPasswordPage = named(() => import('./account/AccountPage'), 'ForcedPasswordPage');
const ResetPasswordPage = named(() => import('./account/ResetPasswordPage'), 'ResetPasswordPage');
/** ?bench=empty: the same canvas with nothing on it, the baseline the benchmarks compare against. */
const EmptyStage = lazy(() => import('../scene/Stage').then((m) => ({ default: () => <m.Stage>{null}</m.Stage> })));

function Page({ route }: { route: Route }) {
  const { user } = useSession();
  // Signed in with a temporary password: a new one before anything else (the server refuses the rest).
  if (user?.mustChangePassword && route.page !== 'reset-password') return <ForcedPasswordPage />;
  if (route.product && route.page === 'catalogue') return <ComparePage productId={route.product} variantId={route.variant} />;
  switch (route.page) {
    case 'sign-in':
      return <SignInPage />;
    case 'drill':
      return <DrillPage />;
    case 'scan':
      return <ScanPage />;
    case 'progress':
      return <ProgressPage />;
    case 'groups':
      return <GroupsPage />;
    case 'users':
      return <UsersPage />;
    case 'live':
      return <LivePage />;
    case 'live-record':
      return <LiveRecordPage />;
    case 'inspect':
      return <InspectPage />;
    case 'studio':
      return <StudioPage productId={route.product} />;
    case 'account':
      return <AccountPage />;
    case 'reset-password':
      return <ResetPasswordPage />;
    default:
      return <CataloguePage />;
  }
}

export function App() {
  // Every page re-renders at once when the language changes.
  const { t } = useTranslation();
  const route = useRoute();
  useEffect(() => void sessionActions.load(), []);
  useEffect(() => void import('./inspect/sync').then((m) => m.startSync()), []);
  const bench = new URLSearchParams(location.search).get('bench') === 'empty';
  return (
    <div className="app">
      <NavBar route={route} />
      <Suspense fallback={<main className="page"><LoadingBar label={t('loading')} /></main>}>
        {bench ? (
          <main className="compare"><section className="stage-area"><EmptyStage /></section></main>
        ) : (
          <Page route={route} />
        )}
      </Suspense>
    </div>
  );
}
