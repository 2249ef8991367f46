/**
 * The hosts a backend may use plain http on: loopback, and only the two the manifest can
 * grant (`http://localhost/*`, `http://127.0.0.1/*`); 127.0.0.2 or [::1] would need a host
 * permission the extension cannot ask for.
 */
export const PLAIN_HTTP_HOSTS: readonly string[] = ['localhost', '127.0.0.1'];

/**
 * Whether a backend base URL may receive an API key: https anywhere, plain http only on
 * localhost / 127.0.0.1 (the contract allows loopback; the manifest grants these two).
 * Returns what is wrong and what to do, or undefined.
 */
export function backendUrlProblem(baseUrl: string): string | undefined {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `"${baseUrl}" is not a URL. Enter the backend's base URL, e.g. https://context.example.com`;
  }
  if (url.protocol === 'https:') return undefined;
  if (url.protocol === 'http:') {
    if (PLAIN_HTTP_HOSTS.includes(url.hostname.toLowerCase())) return undefined;
    return isLoopbackHost(url.hostname)
      ? `${url.origin} uses plain http on a loopback address the extension cannot be granted. Use http://localhost or http://127.0.0.1 (or https).`
      : `${url.origin} uses plain http: the API key would travel unencrypted. Use https (http is allowed only for localhost / 127.0.0.1).`;
  }
  return `${url.protocol} is not supported: the backend URL must start with https:// (or http:// on localhost).`;
}

/** True for hosts only this machine can reach (`localhost`, `127.x.x.x`, `::1`). */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}
