import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
// The global base first: every feature's stylesheet, imported by its own module, comes after it.
import './styles.css';
// The UI language is set before the first render (catalogues are bundled).
import './i18n';
import { App, createQueryClient, Providers } from './app';
import { applyAppearance, readAppearance } from './lib/appearance';

// The kept theme and palette apply before the first render (the stylesheet follows the system until then).
applyAppearance(document.documentElement, readAppearance());

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <Providers client={createQueryClient()}>
        <App />
      </Providers>
    </StrictMode>,
  );
}
