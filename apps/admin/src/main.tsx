import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { StatusPage } from './app/status-page';
import './styles.css';

const container = document.getElementById('root');
if (!container) {
  throw new Error('Missing #root element in index.html');
}

createRoot(container).render(
  <StrictMode>
    <StatusPage />
  </StrictMode>,
);
