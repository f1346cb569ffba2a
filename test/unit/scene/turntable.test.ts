import { beforeEach, describe, expect, it } from 'vitest';
import { Quaternion, Vector3 } from 'three';
import { animateTurntables, resetTurntables, restingHeight, rotationOf, turn, turnToFace } from '../../../src/scene/turntable';

const right = new Vector3(1, 0, 0);

beforeEach(resetTurntables);

describe('turntables', () => {
  it('a drag turns only its item while the views are unlinked', () => {
    turn('A', false, 0.5, 0, right);
    expect(rotationOf('A').angleTo(rotationOf('B'))).toBeCloseTo(0.5, 5);
    expect(rotationOf('B').w).toBe(1);
  });

  it('linked views turn both items the same way', () => {
    turn('B', false, 0.3, 0, right);
    turn('A', true, 0.4, 0.2, right);
    expect(rotationOf('A').angleTo(rotationOf('B'))).toBeCloseTo(0, 6);
  });

  it('focusing a tell turns its normal smoothly towards the viewer and then stops', () => {
    const normal = new Vector3(1, 0, 0);
    const towards = new Vector3(0, 0, 1);
    turnToFace('A', normal, towards);
    expect(animateTurntables(0.016)).toBe(true);
    for (let i = 0; i < 200 && animateTurntables(0.05); i++);
    expect(animateTurntables(0.05)).toBe(false);
    const facing = normal.clone().applyQuaternion(rotationOf('A'));
    expect(facing.angleTo(towards)).toBeLessThan(0.01);
  });

  it('a drag during a smooth turn cancels it', () => {
    turnToFace('A', new Vector3(1, 0, 0), new Vector3(0, 0, 1));
    turn('A', false, 0.1, 0, right);
    expect(animateTurntables(0.05)).toBe(false);
  });
});

describe('an item turned on its turntable rests on its base', () => {
  it('stands its centre half its height up, and half its depth up once turned face-on', () => {
    const watch = new Vector3(0.04, 0.012, 0.045);
    expect(restingHeight(new Quaternion(), watch)).toBeCloseTo(0.006, 6);
    // Its top (normal up) turned to face the viewer (+z): it now stands on its rim.
    const faceOn = new Quaternion().setFromUnitVectors(new Vector3(0, 1, 0), new Vector3(0, 0, 1));
    expect(restingHeight(faceOn, watch)).toBeCloseTo(0.0225, 6);
  });
});
