/**
 * Ajv for the published JSON Schemas (draft-07): strict, every error, and the one format they
 * use (`uri`, for urls.json's absolute URLs) checked with the URL parser, since ajv-formats is
 * not a dependency.
 */
import Ajv from 'ajv';

export function schemaValidator(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true });
  ajv.addFormat('uri', (s: string) => {
    try {
      return new URL(s).protocol !== '';
    } catch {
      return false;
    }
  });
  return ajv;
}
