/** The app's pages are served from app://basic-header/ (a privileged custom scheme, not file://). */
export const APP_SCHEME = 'app';
export const APP_HOST = 'basic-header';
export const APP_ORIGIN = { protocol: `${APP_SCHEME}:`, host: APP_HOST } as const;
export const APP_START_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;
