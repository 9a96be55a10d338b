// A named JSON import: the bundler inlines this one field, not the whole package.json.
import { version } from '../package.json';

export const VERSION: string = version;
