/**
 * `npx tsx bench/record-payload-baseline.ts` after `npm run build`: records each
 * renderer file's gzip size as the baseline the size test names growth against.
 * Run it when a size change is accepted, and commit the JSON.
 */
import { writeFileSync } from 'node:fs';
import { baselineOf, measureRendererPayload, PAYLOAD_BASELINE_PATH } from './renderer-payload';

writeFileSync(PAYLOAD_BASELINE_PATH, `${JSON.stringify(baselineOf(measureRendererPayload()), null, 2)}\n`);
console.log(`Recorded ${PAYLOAD_BASELINE_PATH}`);
