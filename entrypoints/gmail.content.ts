import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteContentScript } from '../utils/content/site-content-script';
import { gmail } from '../utils/sites/gmail';

export default defineContentScript(siteContentScript(gmail));
