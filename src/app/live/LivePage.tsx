/**
 * ?page=live: shared live sessions. Signed-in users only. A tab that was in a session (a reload, a
 * crash) rejoins it at once; otherwise the lobby: join with a code, or (instructors) start one.
 */
import { useEffect } from 'react';
import { SIGNED_IN, type SessionUser } from '../../domain/roles';
import { liveActions, liveStore } from '../../session/live';
import { compareActions } from '../../scene/state/compare-store';
import { Gate } from '../progress/Gate';
import { currentDevice } from './device';
import { LiveLobby } from './LiveLobby';
import { LiveSessionView } from './LiveSessionView';
import { keepJoinCode } from './pending-code';
import { useLiveTestHook } from './test-hook';
import { useLive } from './use-live';
import '../drill/drill.css';
import '../progress/progress.css';
import './live.css';
import { i18n } from '../../i18n/i18n';

function Live({ user }: { user: SessionUser }) {
  const status = useLive((s) => s.status);
  useLiveTestHook();
  useEffect(() => {
    compareActions.close();
    if (liveStore.getState().status === 'idle') liveActions.resume(currentDevice());
    return () => {
      // Leaving the page leaves the session; a reload does not come here, and rejoins.
      if (new URLSearchParams(location.search).get('page') === 'live') return;
      void liveActions.leave();
      compareActions.close();
    };
  }, []);
  return status === 'idle' ? <LiveLobby user={user} /> : <LiveSessionView />;
}

export function LivePage() {
  const code = new URLSearchParams(location.search).get('code');
  if (code) keepJoinCode(code);
  return (
    <Gate title={i18n.t('live:pageTitle')} roles={SIGNED_IN} signInText={i18n.t('live:signIn')} deniedText="">
      {(user) => <Live user={user} />}
    </Gate>
  );
}
