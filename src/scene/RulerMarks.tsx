/** The ruler's two marks on a model and the line between them (model space, so millimetres stay true). */
import { Line } from '@react-three/drei';
import { useCompare, type Side } from './state/compare-store';

export function RulerMarks({ side, radius }: { side: Side; radius: number }) {
  const marks = useCompare((s) => s.ruler);
  const mine = marks.filter((m) => m.side === side);
  if (mine.length === 0) return null;
  return (
    <group name={`ruler-${side}`}>
      {mine.map((m, i) => (
        <mesh key={i} position={m.point} renderOrder={3}>
          <sphereGeometry args={[radius, 16, 12]} />
          <meshBasicMaterial color="#0b6bcb" depthTest={false} />
        </mesh>
      ))}
      {mine.length === 2 && <Line points={[mine[0]!.point, mine[1]!.point]} color="#0b6bcb" lineWidth={3} depthTest={false} renderOrder={3} />}
    </group>
  );
}
