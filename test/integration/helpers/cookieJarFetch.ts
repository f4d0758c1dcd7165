/**
 * A fetch that keeps cookies like a browser tab does (Node's fetch keeps none): one jar per "device".
 * `csrfToken()` reads the XSRF-TOKEN cookie the way the REST adapter reads document.cookie in a browser.
 */
export function cookieJarFetch(baseUrl: string, userAgent = 'profilekit-test') {
  const jar = new Map<string, string>();
  const fetchWithJar: typeof fetch = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if (jar.size > 0) headers.set('Cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
    headers.set('User-Agent', userAgent);
    const url = typeof input === 'string' && input.startsWith('/') ? `${baseUrl}${input}` : input;
    const response = await fetch(url, { ...init, headers });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      const expired = attributes.some(
        (a) => /max-age=0/i.test(a.trim()) || /expires=thu, 01 jan 1970/i.test(a.trim()),
      );
      if (expired || value === '') jar.delete(name.trim());
      else jar.set(name.trim(), value.trim());
    }
    return response;
  };
  return {
    fetch: fetchWithJar,
    csrfToken: () => {
      const token = jar.get('XSRF-TOKEN');
      return token === undefined ? undefined : decodeURIComponent(token);
    },
    jar,
  };
}
