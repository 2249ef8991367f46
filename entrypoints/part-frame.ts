import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { registerPart } from '../utils/content/parts';
import { createSidebarFrame, FRAME_STYLE } from '../utils/content/sidebar-frame';

/** The in-page sidebar frame, injected on its first open (utils/content/parts.ts). */
export default defineUnlistedScript(() =>
  registerPart('part-frame', { createSidebarFrame, FRAME_STYLE }),
);
