import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { contentToBackground } from '../utils/protocol/content-to-background';
import { registerPart } from '../utils/content/parts';
import {
  createSidebarFrame,
  FRAME_STYLE,
  type SidebarFrameOptions,
} from '../utils/content/sidebar-frame';

/**
 * The in-page sidebar frame, injected on its first open (utils/content/parts.ts). The frame's
 * URL carries a one-time token the background learns first: the sidebar shows data only in
 * a frame that presents it, so a page that frames sidebar.html itself (to overlay it, say)
 * gets an empty sidebar.
 */
function createVouchedFrame(root: ShadowRoot, options: SidebarFrameOptions) {
  const token = crypto.randomUUID();
  contentToBackground
    .sendMessage('expectFrame', { token })
    .catch((error: unknown) =>
      console.warn('Touchpoint: could not prepare the in-page sidebar', error),
    );
  return createSidebarFrame(root, { ...options, src: `${options.src}#frame=${token}` });
}

export default defineUnlistedScript(() =>
  registerPart('part-frame', { createSidebarFrame: createVouchedFrame, FRAME_STYLE }),
);
