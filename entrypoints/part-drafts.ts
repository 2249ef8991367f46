import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { watchDrafts } from '../utils/content/draft-watcher';
import { registerPart } from '../utils/content/parts';

/** The compose watcher of the draft check, injected once a compose is open (utils/content/parts.ts). */
export default defineUnlistedScript(() => registerPart('part-drafts', { watchDrafts }));
