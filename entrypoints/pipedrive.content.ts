import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteContentScript } from '../utils/content/site-content-script';
import { pipedrive } from '../utils/sites/pipedrive';

export default defineContentScript(siteContentScript(pipedrive));
