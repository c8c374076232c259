// Every xAPI statement a test sees is checked by Learning Locker's xapi-validation library (the rules of
// the xAPI 1.0.3 specification): an empty list means valid.
import * as xapiValidation from 'xapi-validation';

type Validate = (statement: unknown) => { message?: string; path?: unknown }[];

const moduleValue = xapiValidation as unknown as { default: Validate | { default: Validate } };
const validate: Validate = typeof moduleValue.default === 'function' ? moduleValue.default : moduleValue.default.default;

export function statementProblems(statement: unknown): string[] {
  return validate(statement).map((warning) => JSON.stringify(warning));
}
