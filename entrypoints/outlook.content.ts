import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteContentScript } from '../utils/content/site-content-script';
import { outlook } from '../utils/sites/outlook';

export default defineContentScript(siteContentScript(outlook));
