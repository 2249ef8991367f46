// First: asks the background for the tab and its contact while React loads (see opening.ts).
import '../../components/sidebar/opening';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { SidebarApp } from '../../components/SidebarApp';
import { closeFrameOnEscape } from '../../components/sidebar/frame-escape';
import { pageToBackground } from '../../utils/protocol/page-to-background';
import '../../components/theme.css';
import './style.css';

// In the in-page frame, Escape closes it.
closeFrameOnEscape(window, () => pageToBackground.sendMessage('closeInpageSidebar', undefined));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <SidebarApp />
  </StrictMode>,
);
