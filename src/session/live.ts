/** The page's one live session client: Colyseus on the app's origin, rejoin data in this tab's sessionStorage. */
import { colyseusTransport } from './colyseus-transport';
import { createLiveStore } from './live-store';

const live = createLiveStore({
  transport: () => colyseusTransport(),
  storage: typeof sessionStorage === 'undefined' ? undefined : sessionStorage,
});

export const liveStore = live.store;
export const liveActions = live.actions;
/** Others' presence, latest per participant: read inside useFrame. */
export const livePeers = live.peers;
/** The shared rotation [x, y, z, w] while "Follow me" is on, updated in place: read inside useFrame. */
export const liveRotation = live.rotation;
