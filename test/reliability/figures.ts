import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const OUTPUT = join(__dirname, '../../test-output');

/** Writes a test's figures to test-output/reliability.jsonl, for docs/reliability.md. */
export function report(test: string, figures: Record<string, number | string>): void {
  mkdirSync(OUTPUT, { recursive: true });
  appendFileSync(join(OUTPUT, 'reliability.jsonl'), `${JSON.stringify({ test, ...figures })}\n`);
}
