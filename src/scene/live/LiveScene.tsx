/**
 * What a live session adds inside the stage (<Stage>, like the drill's items): the round's items,
 * the others as avatars, this client's own presence, the shared rotation while "Follow me" is on,
 * and in a headset a trainee's 3D answer panel. It also tells the room which device this client is
 * on as it enters or leaves AR or VR.
 */
import { useXR } from '@react-three/xr';
import { Suspense, useEffect } from 'react';
import type { DrillKind } from '../../domain/drill';
import { liveActions } from '../../session/live';
import { FollowRotation } from './FollowRotation';
import { LiveItems } from './LiveItems';
import { OwnPresence } from './OwnPresence';
import { PeerAvatars } from './PeerAvatars';
import { XrAnswerPanel } from './XrAnswerPanel';

export interface LiveSceneProps {
  instructor: boolean;
  /** The round's drill kind, once there is a question. */
  kind: DrillKind | null;
  /** This trainee may answer now (answers open, not yet answered). */
  canAnswer: boolean;
  /** Where the round is, in words, for the XR panel. */
  xrLine: string;
  onSend: () => void;
}

export function LiveScene({ instructor, kind, canAnswer, xrLine, onSend }: LiveSceneProps) {
  const mode = useXR((s) => s.mode);
  useEffect(() => {
    liveActions.setDevice(mode === 'immersive-ar' ? 'ar' : mode === 'immersive-vr' ? 'vr' : 'desktop');
  }, [mode]);
  return (
    <>
      <Suspense fallback={null}>
        <LiveItems canPin={!instructor && canAnswer} />
      </Suspense>
      {/* Names and XR buttons are drei Text, which suspends while its font loads: apart from the items. */}
      <Suspense fallback={null}>
        <PeerAvatars />
      </Suspense>
      <OwnPresence />
      <FollowRotation instructor={instructor} />
      {mode && !instructor && (
        <Suspense fallback={null}>
          <XrAnswerPanel kind={kind} open={canAnswer} line={xrLine} onSend={onSend} />
        </Suspense>
      )}
    </>
  );
}
