import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteContentScript } from '../utils/content/site-content-script';
import { generic } from '../utils/sites/generic';

export default defineContentScript(siteContentScript(generic));
