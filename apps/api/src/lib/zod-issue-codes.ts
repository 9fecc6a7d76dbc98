import type { FieldError } from '@sync-admin/domain';

/** A zod issue's details beyond its code: a raw issue's own fields, or those fastify-type-provider-zod puts in `params`. */
export interface IssueDetails {
  origin?: string;
  maximum?: number | bigint;
  minimum?: number | bigint;
  expected?: string;
  values?: readonly unknown[];
  format?: string;
}

/**
 * A zod issue's code and details as a field error's code and params (decision 55); the English message stays zod's or
 * the contract's own. `label` is what the English calls the field; a UI says it from its own labels where it has one.
 */
export function issueCode(kind: string | undefined, details: IssueDetails, label: string): Pick<FieldError, 'code' | 'params'> {
  const { origin, maximum, minimum, expected, values, format } = details;
  const many = origin === 'array' || origin === 'set';
  switch (kind) {
    case 'too_big':
      return { code: origin === 'string' ? 'FIELD_TOO_LONG' : many ? 'FIELD_TOO_MANY' : 'FIELD_TOO_BIG', params: { label, max: Number(maximum ?? 0) } };
    case 'too_small':
      return { code: origin === 'string' ? 'FIELD_TOO_SHORT' : many ? 'FIELD_TOO_FEW' : 'FIELD_TOO_SMALL', params: { label, min: Number(minimum ?? 0) } };
    case 'invalid_type':
      return { code: 'FIELD_INVALID_TYPE', params: { label, expected: expected ?? 'value' } };
    case 'invalid_value':
      return { code: 'FIELD_INVALID_OPTION', params: { label, values: (values ?? []).map(String).join(', ') } };
    case 'invalid_format':
      return { code: 'FIELD_INVALID_FORMAT', params: { label, format: format ?? 'text' } };
    default:
      return { code: 'FIELD_INVALID', params: { label } };
  }
}
