/**
 * The set-up every process-level `basic-header test` suite against servers of
 * its own repeats: the built CLI watched for the secret and its Basic value, a
 * CA made for the run (with its PEM on disk only as the test's --ca-file), and
 * servers closed after each test. Registers the Vitest hooks itself.
 */
import { Buffer } from 'node:buffer';
import { afterAll, beforeAll } from 'vitest';
import { closeAfterEach, setInBeforeAll, type Closable } from '../suite-hooks';
import { createTestCa, type TestCa } from '../test-ca';
import { buildCli, createCli, tempFile, type Cli } from './cli-process';

export interface CliSuite {
  readonly ca: TestCa;
  /** The CA's PEM file, for --ca-file. */
  readonly caPath: string;
  readonly cli: Cli;
  /** Closes what the promise gives after the current test. */
  track<T extends Closable>(thing: Promise<T>): Promise<T>;
}

export function useCliSuite(name: string, clientId: string, secret: string): CliSuite {
  let ca: TestCa | undefined;
  let caFile: { path: string; remove: () => void } | undefined;
  let cli: Cli | undefined;

  beforeAll(async () => {
    const bin = buildCli();
    ca = await createTestCa();
    caFile = tempFile(`${name}-ca.pem`, ca.cert);
    cli = createCli(bin, [secret, Buffer.from(`${clientId}:${secret}`).toString('base64')]);
  });
  const track = closeAfterEach();
  afterAll(() => {
    caFile?.remove();
  });

  const ready = setInBeforeAll('useCliSuite');
  return {
    get ca() {
      return ready(ca);
    },
    get caPath() {
      return ready(caFile).path;
    },
    get cli() {
      return ready(cli);
    },
    track,
  };
}
