/**
 * "Follow me": while it is on, the instructor's turning of the models (a drag, the arrow keys, the
 * right thumbstick in XR: all turn the turntables) goes out as 'turn' intents at most 20 times a
 * second, and every trainee's pair eases to the shared rotation each frame, whatever they drag.
 * Off, each trainee turns the models freely.
 */
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Quaternion } from 'three';
import { useStore } from 'zustand';
import { liveActions, liveRotation, liveStore } from '../../session/live';
import { TurnSender } from '../../session/presence-sender';
import { prefersReducedMotion } from '../reduced-motion';
import { rotationOf } from '../turntable';
import { liveSceneStats } from './live-scene-stats';

const target = new Quaternion();

export function FollowRotation({ instructor }: { instructor: boolean }) {
  const follow = useStore(liveStore, (s) => s.state?.follow ?? false);
  const sender = useMemo(
    () =>
      new TurnSender((rotation) => {
        liveSceneStats.turnsSent++;
        void liveActions.intent({ type: 'turn', rotation }).catch(() => {});
      }),
    [],
  );
  // Turning "Follow me" on sends where the models stand now.
  useEffect(() => {
    if (follow) sender.reset();
  }, [follow, sender]);

  useFrame((_, dt) => {
    const a = rotationOf('A');
    const out = liveSceneStats.rotation;
    out[0] = a.x;
    out[1] = a.y;
    out[2] = a.z;
    out[3] = a.w;
    if (!follow) return;
    if (instructor) {
      sender.offer(a.x, a.y, a.z, a.w);
      return;
    }
    target.set(liveRotation[0]!, liveRotation[1]!, liveRotation[2]!, liveRotation[3]!).normalize();
    // Updates come at 20 Hz: ease towards the latest so that the turn looks smooth at 72-90 Hz.
    const k = prefersReducedMotion() ? 1 : Math.min(1, dt * 14);
    a.slerp(target, k);
    rotationOf('B').copy(a);
  });
  return null;
}
