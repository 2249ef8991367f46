import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { LibraryApp } from '../../components/library/LibraryApp';
import '../../components/theme.css';
import './style.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LibraryApp />
  </StrictMode>,
);
