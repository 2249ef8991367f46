// First: asks the background for the tab's contact while React loads (see early.ts).
import '../../components/sidebar/early';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidebarApp } from '../../components/SidebarApp';
import { closeFrameOnEscape } from '../../utils/content/frame-escape';
import { sendMessage } from '../../utils/protocol/protocol';
import '../../components/theme.css';
import './style.css';

// In the in-page frame, Escape closes it (issue 5).
closeFrameOnEscape(window, () => sendMessage('closeInpageSidebar', undefined));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidebarApp />
  </StrictMode>,
);
