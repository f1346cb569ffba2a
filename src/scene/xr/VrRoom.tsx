/**
 * A neutral room for immersive-vr: a floor, soft walls and a table in front of the examiner, whose
 * top is where the pair stands (VR_TABLE_TOP). Plain materials, a handful of draw calls.
 */
import { useEffect } from 'react';
import { BackSide } from 'three';
import { stageStats } from '../stats';
import { VR_TABLE_TOP } from './XrPair';

const ROOM = 6;
const HEIGHT = 3;
const TABLE: [number, number] = [1.1, 0.62];
const TOP_THICKNESS = 0.04;

export function VrRoom() {
  useEffect(() => {
    stageStats.vrRoom = true;
    return () => void (stageStats.vrRoom = false);
  }, []);
  const [tx, ty, tz] = VR_TABLE_TOP;
  const legH = ty - TOP_THICKNESS;
  const legs: [number, number][] = [
    [-TABLE[0] / 2 + 0.06, -TABLE[1] / 2 + 0.06],
    [TABLE[0] / 2 - 0.06, -TABLE[1] / 2 + 0.06],
    [-TABLE[0] / 2 + 0.06, TABLE[1] / 2 - 0.06],
    [TABLE[0] / 2 - 0.06, TABLE[1] / 2 - 0.06],
  ];
  return (
    <group name="vr-room">
      <mesh rotation-x={-Math.PI / 2} position-y={0.002} name="vr-floor">
        <planeGeometry args={[ROOM, ROOM]} />
        <meshStandardMaterial color="#b9b4ac" roughness={0.95} />
      </mesh>
      <mesh position={[0, HEIGHT / 2, 0]} name="vr-walls">
        <boxGeometry args={[ROOM, HEIGHT, ROOM]} />
        <meshStandardMaterial color="#e7e5e0" roughness={1} side={BackSide} />
      </mesh>
      <group position={[tx, 0, tz]} name="vr-table">
        <mesh position={[0, ty - TOP_THICKNESS / 2, 0]}>
          <boxGeometry args={[TABLE[0], TOP_THICKNESS, TABLE[1]]} />
          <meshStandardMaterial color="#8a6f55" roughness={0.6} />
        </mesh>
        {legs.map(([x, z]) => (
          <mesh key={`${x},${z}`} position={[x, legH / 2, z]}>
            <boxGeometry args={[0.04, legH, 0.04]} />
            <meshStandardMaterial color="#4a4a4a" roughness={0.5} metalness={0.3} />
          </mesh>
        ))}
      </group>
    </group>
  );
}
