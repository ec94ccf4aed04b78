import { Type } from 'typebox';

export const ErrorBody = Type.Object(
  {
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Object({}, { additionalProperties: true })),
  },
  { $id: 'Error' },
);

export const PageQuery = {
  page_size: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })),
  page_number: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
};

export const MetadataValue = Type.Union([Type.String(), Type.Number(), Type.Boolean()]);

/** Reads upstream's page_size/page_number into a store limit and offset. */
export function paging(q: { page_size?: number; page_number?: number }): { limit: number; offset: number } {
  const limit = q.page_size ?? 10;
  return { limit, offset: (q.page_number ?? 0) * limit };
}

/** The error replies every authenticated route can give, for the OpenAPI document. */
export const errorReplies = {
  400: ErrorBody,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  503: ErrorBody,
};
