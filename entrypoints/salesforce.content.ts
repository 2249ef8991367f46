import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteContentScript } from '../utils/content/site-content-script';
import { salesforce } from '../utils/sites/salesforce';

export default defineContentScript(siteContentScript(salesforce));
