/**
 * EMULATES WHAT IWER LACKS, for tests only: Apple Vision Pro's look-and-pinch. iwer 2.5 knows the
 * 'transient-pointer' target-ray mode (XRTargetRayMode.TransientPointer) but no device makes one: its
 * inputs are controllers, hands (both 'tracked-pointer') and gaze. Here an XRInputSource of iwer's own
 * class, with targetRayMode 'transient-pointer' and no gamepad, is made from the classes of the
 * emulated device's controller, and put in the device's one slot for an extra input (where iwer keeps
 * its gaze input: the session lists it, updates its ray every frame and reports it in
 * inputsourceschange). A pinch does what visionOS does: the source appears with its ray along the
 * eyes' line to the target and 'selectstart' comes in that same frame; after the hold, 'select' and
 * 'selectend' come in one frame and the source is gone in the next.
 * What this does not emulate: the ray following the hand while the pinch is held (it stays where it
 * began), the hand-tracking inputs a Vision Pro adds when 'hand-tracking' is granted, and Safari itself.
 */
import type { Page } from 'playwright-core';
import { waitXrFrames } from './xr';

type V = [number, number, number];

/** Installs the emulated pinch (window.__pinch) and the log of input sources the session reports (window.__inputModes). */
export function installTransientPointer(page: Page): Promise<void> {
  return page.evaluate(() => {
    type Any = any; // eslint-disable-line @typescript-eslint/no-explicit-any
    const w = window as Any;
    const device = w.__iwer;
    const symbol = (o: object, description: string) => Object.getOwnPropertySymbols(o).find((s) => s.description === description)!;
    const internals = device[symbol(device, '@iwer/xr-device')];
    const session = (navigator.xr as Any)[symbol(navigator.xr!, '@iwer/xr-system')].activeSession;
    if (!session) throw new Error('enter VR first: there is no session');
    const controller = device.controllers.right;
    const InputSource = controller.inputSource.constructor;
    const Space = controller.inputSource.targetRaySpace.constructor;
    const TrackedInput = Object.getPrototypeOf(controller.constructor);
    // A Vision Pro's transient pointer has no gamepad and no grip; its ray starts between the eyes.
    const source = new InputSource('right', 'transient-pointer', [], new Space(internals.viewerSpace));
    const tracked = new TrackedInput(source);
    const log: string[] = [];
    w.__inputModes = log;
    session.addEventListener('inputsourceschange', (e: Any) => {
      for (const s of e.added) log.push(`+${s.targetRayMode}`);
      for (const s of e.removed) log.push(`-${s.targetRayMode}`);
    });
    const nextFrame = () => new Promise<Any>((resolve) => session.requestAnimationFrame((_t: number, frame: Any) => resolve(frame)));
    const fire = (type: string, frame: Any) => session.dispatchEvent(new w.XRInputSourceEvent(type, { frame, inputSource: source }));

    /** The eyes' line to `target` as a rotation in the viewer's space (from -z, which the ray follows). */
    const aim = (target: V) => {
      const p = device.position;
      const q = device.quaternion;
      let d = [target[0] - p.x, target[1] - p.y, target[2] - p.z];
      const n = Math.hypot(d[0]!, d[1]!, d[2]!);
      d = d.map((c) => c / n);
      // Into the viewer's space: rotate by the head's inverse rotation.
      const [qx, qy, qz, qw] = [-q.x, -q.y, -q.z, q.w];
      const [vx, vy, vz] = d as V;
      const tx = 2 * (qy * vz - qz * vy), ty = 2 * (qz * vx - qx * vz), tz = 2 * (qx * vy - qy * vx);
      const l = [vx + qw * tx + (qy * tz - qz * ty), vy + qw * ty + (qz * tx - qx * tz), vz + qw * tz + (qx * ty - qy * tx)];
      // The shortest rotation from a = (0, 0, -1) to l: (a × l, 1 + a · l), normalised.
      const [cx, cy, cz, cw] = [l[1]!, -l[0]!, 0, 1 - l[2]!];
      const m = Math.hypot(cx, cy, cz, cw);
      tracked.position.set(0, 0, 0);
      tracked.quaternion.set(cx / m, cy / m, cz / m, cw / m);
    };

    w.__pinch = async (target: V, holdFrames: number) => {
      aim(target);
      internals.gaze = tracked; // listed, and its ray updated, from the next frame on
      fire('selectstart', await nextFrame());
      for (let i = 1; i < holdFrames; i++) await nextFrame();
      const frame = await nextFrame();
      fire('select', frame);
      fire('selectend', frame);
      internals.gaze = undefined;
      await nextFrame();
    };
  });
}

/** Looks at `target` and pinches for `holdFrames` XR frames (1: press and release in consecutive frames). */
export async function pinch(page: Page, target: V, holdFrames = 3): Promise<void> {
  await page.evaluate(([t, h]) => (window as unknown as { __pinch(t: V, h: number): Promise<void> }).__pinch(t as V, h as number), [target, holdFrames] as const);
  await waitXrFrames(page, 1);
}

/** What the session reported: '+transient-pointer' when a source came, '-transient-pointer' when it went. */
export function inputModes(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __inputModes: string[] }).__inputModes);
}
