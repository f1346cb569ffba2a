/**
 * What every item stands on: its turntable mat (dark under the UV lamp) and its caption. In XR the
 * caption lies tilted at the mat's front edge, so that the real (or VR) table does not hide it.
 */
import { Text } from '@react-three/drei';
import { uiFont } from './fonts';

export function SlotBase({ caption, uv, inXr, showCaption = true }: { caption: string; uv: boolean; inXr: boolean; showCaption?: boolean }) {
  const long = caption.length > 16;
  return (
    <>
      {showCaption && (
        <Text
          font={uiFont}
          fontSize={long ? 0.06 : 0.09}
          maxWidth={1}
          textAlign="center"
          position={inXr ? [0, 0.01, 0.5] : [0, -0.03, 0.42]}
          rotation-x={inXr ? -1 : 0}
          color="#1b1f24"
          anchorY={inXr ? 'bottom' : 'top'}
          outlineWidth={0.004}
          outlineColor="#ffffff"
        >
          {caption}
        </Text>
      )}
      <mesh rotation-x={-Math.PI / 2} position={[0, -0.002, 0]} receiveShadow>
        <circleGeometry args={[0.5, 48]} />
        <meshStandardMaterial color={uv ? '#140a24' : '#d9dde3'} roughness={0.9} />
      </mesh>
    </>
  );
}
