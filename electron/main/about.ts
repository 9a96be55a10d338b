/**
 * The About box's text: what the app is, its version, the Electron, Chromium
 * and Node versions it runs on, and its licence.
 */
export const LICENCE = 'MIT';

export interface AboutInfo {
  readonly appName: string;
  readonly version: string;
  readonly versions: { readonly electron?: string | undefined; readonly chrome?: string | undefined; readonly node?: string | undefined };
}

export interface AboutText {
  readonly title: string;
  readonly message: string;
  readonly detail: string;
}

export function aboutText(info: AboutInfo): AboutText {
  const unknown = (value: string | undefined): string => value ?? 'unknown';
  return {
    title: `About ${info.appName}`,
    message: `${info.appName} ${info.version}`,
    detail: [
      'Builds and tests the Okta client-credentials Authorization: Basic header. Nothing you enter is written to disk.',
      '',
      `Electron ${unknown(info.versions.electron)}`,
      `Chromium ${unknown(info.versions.chrome)}`,
      `Node.js ${unknown(info.versions.node)}`,
      '',
      `Licence: ${LICENCE}`,
    ].join('\n'),
  };
}
