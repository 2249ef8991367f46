import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteContentScript } from '../utils/content/site-content-script';
import { zoho } from '../utils/sites/zoho';

export default defineContentScript(siteContentScript(zoho));
