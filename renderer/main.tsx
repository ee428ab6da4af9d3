import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import './styles.css';
import { App } from './App';
import { installUnloadGuard, useWorkspace } from './store/workspaceStore';
import { installLintSettingsLoader } from './codesign/lintSettingsStore';
import { PRESENTER_HASH } from './present/presenterSync';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

if (window.location.hash === PRESENTER_HASH) {
  // The presenter view's window: no workspace of its own, it follows the presentation (presenterSync).
  const PresenterView = lazy(() => import('./present/PresenterView'));
  createRoot(root).render(
    <StrictMode>
      <Suspense fallback={null}>
        <PresenterView />
      </Suspense>
    </StrictMode>,
  );
} else {
  installUnloadGuard();
  installLintSettingsLoader();
  void useWorkspace.getState().init();
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
