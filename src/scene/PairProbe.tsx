/** Notes when the first frame with both models is drawn (mounted beside the pair, so it waits for the same loads). */
import { useFrame } from '@react-three/fiber';
import { stageStats } from './stats';

export function PairProbe() {
  useFrame(() => {
    if (stageStats.pairFrameAt === 0) stageStats.pairFrameAt = performance.now();
  });
  return null;
}
