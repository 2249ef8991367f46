import { storage } from 'wxt/utils/storage';

/**
 * The backend the extension talks to. The API key is a secret: `local:` storage only, read
 * by the background only. Build-time defaults (`WXT_TOUCHPOINT_BACKEND_URL`,
 * `WXT_TOUCHPOINT_API_KEY`) let the quick start ship an extension wired to the demo server.
 */
export interface BackendSettings {
  baseUrl: string;
  apiKey: string;
}

export const backendSettings = storage.defineItem<BackendSettings>('local:backend', {
  fallback: {
    baseUrl: import.meta.env.WXT_TOUCHPOINT_BACKEND_URL ?? '',
    apiKey: import.meta.env.WXT_TOUCHPOINT_API_KEY ?? '',
  },
  version: 1,
});
