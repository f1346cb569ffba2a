import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../i18n/i18n';
import { App } from './App';
import './styles.css';
import { exposeTestHooks } from './test-hooks';

/**
 * With ?emulate=quest3 the page installs iwer (a WebXR runtime emulating a Meta Quest 3) before the
 * canvas mounts; &devui=off leaves out its controls panel (a second full-window 3D view each frame).
 */
async function boot() {
  const params = new URLSearchParams(location.search);
  if (params.get('emulate') === 'quest3') {
    const { installQuest3Emulation } = await import('./emulate');
    await installQuest3Emulation({ controlsPanel: params.get('devui') !== 'off' });
  }
  exposeTestHooks();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void boot();
