/**
 * Absolute links the platform prints (QR codes on wall cards and checklists) start with the configured
 * PUBLIC_BASE_URL, never with the Host header of the request that printed them: a forged Host would otherwise put
 * another site's address on a card that hangs on a wall for years.
 */
export function absoluteUrl(baseUrl: string, pathname: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/${pathname.replace(/^\/+/, '')}`;
}

/**
 * A QR code (SVG) of the absolute link to `pathname`: `url` is the app-relative path the web app links to, `fullUrl`
 * the address the code holds (printed under it).
 */
export async function qrCode(baseUrl: string, pathname: string): Promise<{ url: string; fullUrl: string; svg: string }> {
  // Loaded on first use: start-up does not pay for the QR encoder.
  const { toString } = await import('qrcode');
  const fullUrl = absoluteUrl(baseUrl, pathname);
  return { url: pathname, fullUrl, svg: await toString(fullUrl, { type: 'svg', margin: 1 }) };
}
