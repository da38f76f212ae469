/**
 * The part of schema/results.schema.json the registry owns: the enum of criterion ids. The file ships to users
 * (they validate results.json with it), so it stays JSON; `npm run docs` rewrites the enum from CRITERION_IDS and
 * a test fails when the file on disk differs. The rest of the schema is edited by hand.
 */
import { CRITERION_IDS } from '../criteria/index.js';

export function withCriterionIds(current: string): string {
  const schema = JSON.parse(current) as { definitions: { criterionId: { enum: string[] } } };
  schema.definitions.criterionId.enum = [...CRITERION_IDS];
  return `${JSON.stringify(schema, null, 2)}\n`;
}
