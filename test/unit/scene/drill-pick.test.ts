import { describe, expect, it } from 'vitest';
import { BoxGeometry, Group, Mesh, PerspectiveCamera, Quaternion, Vector3 } from 'three';
import { isShown, liftedPosition, pinFromHit, projectToNdc } from '../../../src/scene/drill/pick';

/** The drill's nesting: slot (x), turntable (lift, turn, display scale), centring group, then the GLB's root and a mesh. */
function suspect() {
  const slot = new Group();
  slot.position.set(0.62, 0, 0);
  const turntable = new Group();
  turntable.position.set(0, 0.3, 0);
  turntable.scale.setScalar(4);
  turntable.quaternion.setFromAxisAngle(new Vector3(0, 1, 0), Math.PI / 3);
  const centring = new Group();
  centring.position.set(-0.01, -0.05, 0.02);
  const root = new Group();
  const mesh = new Mesh(new BoxGeometry(0.1, 0.1, 0.1));
  mesh.name = 'case';
  mesh.position.set(0, 0.05, 0);
  root.add(mesh);
  centring.add(root);
  turntable.add(centring);
  slot.add(turntable);
  slot.updateMatrixWorld(true);
  return { slot, turntable, root, mesh };
}

describe('pinFromHit', () => {
  it('turns a world hit back into the GLB root\'s own space, with the node and the normal', () => {
    const { root, mesh } = suspect();
    const modelPoint = new Vector3(0.02, 0.1, 0.05);
    const world = root.localToWorld(modelPoint.clone());
    const pin = pinFromHit({ point: world, object: mesh, face: { a: 0, b: 1, c: 2, normal: new Vector3(0, 0, 1), materialIndex: 0 } }, root);
    expect(pin.position[0]).toBeCloseTo(0.02, 5);
    expect(pin.position[1]).toBeCloseTo(0.1, 5);
    expect(pin.position[2]).toBeCloseTo(0.05, 5);
    expect(pin.node).toBe('case');
    expect(pin.normal![2]).toBeCloseTo(1, 4);
  });

  it('leaves the node out when the mesh has no name', () => {
    const { root, mesh } = suspect();
    mesh.name = '';
    expect(pinFromHit({ point: new Vector3(), object: mesh }, root).node).toBeUndefined();
  });

  it('gives the same model-space point however the turntable is turned', () => {
    const { slot, turntable, root, mesh } = suspect();
    const modelPoint = new Vector3(-0.03, 0.07, 0.01);
    turntable.quaternion.copy(new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), 1.1));
    slot.updateMatrixWorld(true);
    const pin = pinFromHit({ point: root.localToWorld(modelPoint.clone()), object: mesh }, root);
    expect(pin.position[0]).toBeCloseTo(-0.03, 5);
    expect(pin.position[1]).toBeCloseTo(0.07, 5);
  });
});

describe('pin helpers', () => {
  it('lifts a pin along its normal, or away from the centre without one', () => {
    const out = new Vector3();
    expect(liftedPosition([0, 0, 0.05], [0, 0, 1], new Vector3(), 0.01, out).z).toBeCloseTo(0.06);
    expect(liftedPosition([0.05, 0, 0], undefined, new Vector3(), 0.01, out).x).toBeCloseTo(0.06);
  });

  it('counts a mesh hidden by any ancestor as not shown', () => {
    const { slot, mesh } = suspect();
    expect(isShown(mesh)).toBe(true);
    slot.visible = false;
    expect(isShown(mesh)).toBe(false);
  });
});

describe('projectToNdc', () => {
  it("puts a point in the GLB root's own space where the camera sees it, as three's own projection does", () => {
    const { root } = suspect();
    const camera = new PerspectiveCamera(35, 1.5, 0.01, 100);
    camera.position.set(0, 0.35, 1.9);
    camera.lookAt(0, 0.3, 0);
    camera.updateMatrixWorld(true);
    const expected = root.localToWorld(new Vector3(0.02, 0.1, 0.05)).project(camera);
    const at = projectToNdc(root, [0.02, 0.1, 0.05], camera);
    expect(at.x).toBeCloseTo(expected.x, 6);
    expect(at.y).toBeCloseTo(expected.y, 6);
    expect(at.z).toBeCloseTo(expected.z, 6);
  });
});
