import type { ParsedArgs } from './args';
import type { InputIo } from './secret-source';

/** What every command runs with: its parsed options, standard input, the environment and the output. */
export interface CommandContext extends InputIo {
  readonly args: ParsedArgs;
}
