import { defineContentScript } from 'wxt/utils/define-content-script';
import { siteContentScript } from '../utils/content/site-content-script';
import { dynamics } from '../utils/sites/dynamics';

export default defineContentScript(siteContentScript(dynamics));
