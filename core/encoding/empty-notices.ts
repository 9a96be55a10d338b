/**
 * The hints shown under an empty credential field. Their own module, so the
 * renderer's first paint can show them before the encoder has loaded (it is a
 * lazy chunk) without the layout changing when it lands.
 */
import { notice } from '../shared/notice';

export const EMPTY_CLIENT_ID_NOTICE = notice('empty-client-id', 'info',
  'Enter the client ID. In the Okta Admin Console it is under Applications › Applications › your app › General › Client Credentials.');

export const EMPTY_CLIENT_SECRET_NOTICE = notice('empty-client-secret', 'info',
  'Enter the client secret, from the Client Secrets section of the same page. Nothing is encoded until both fields are filled.');
