import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, createQueryClient, Providers } from './app';
import './styles.css';

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
