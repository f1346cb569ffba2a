/**
 * Installs iwer, Meta's WebXR emulator, as a Meta Quest 3 with its controls panel, and a small
 * captured office room (@iwer/sem) so that hit-tests find a real table. Loaded only behind ?emulate=quest3.
 */
import { XRDevice, metaQuest3 } from 'iwer';
import officeSmall from '@iwer/sem/captures/office_small.json?url';

/** `controlsPanel`: iwer's DevUI, to move the headset and controllers by hand (scripts drive them through `__iwer.remote`). */
export async function installQuest3Emulation({ controlsPanel = true } = {}): Promise<XRDevice> {
  const device = new XRDevice(metaQuest3);
  device.installRuntime({ forceInstall: true } as never);
  try {
    const { SyntheticEnvironmentModule } = await import('@iwer/sem');
    device.installSEM(SyntheticEnvironmentModule as never);
    const room = await (await fetch(officeSmall)).json();
    device.sem?.loadEnvironment(room);
  } catch (err) {
    console.warn('Twinspect: synthetic room not loaded; hit-test will find no surfaces', err);
  }
  if (controlsPanel) {
    try {
      const { DevUI } = await import('@iwer/devui');
      new DevUI(device);
    } catch {
      // The controls panel is optional.
    }
  }
  (window as unknown as { __iwer: XRDevice }).__iwer = device;
  return device;
}
