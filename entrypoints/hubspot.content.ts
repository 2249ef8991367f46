import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteContentScript } from '../utils/content/site-content-script';
import { hubspot } from '../utils/sites/hubspot';

export default defineContentScript(siteContentScript(hubspot));
