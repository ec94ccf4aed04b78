import { isWindowSize, parseTimestamp, WINDOW_SIZES, type WindowSize } from '@tally/core';
import { Type, type Static } from 'typebox';
import { InvalidInputError } from '../../errors/domain-error.js';
import { queryApiCalls } from '../../services/analytics/api-call-analytics.js';
import { PERCENTILE_RELATIVE_ERROR } from '../../services/analytics/api-call-stats.js';
import { API_CALL_DIMENSIONS, type ApiCallDimension } from '../../store/analytics-types.js';
import type { Route } from '../context.js';
import { errorReplies } from '../schemas/common.js';

const Query = Type.Object({
  event_name: Type.Optional(Type.String({ default: 'api_call', minLength: 1 })),
  start: Type.Optional(Type.String({ description: 'RFC 3339, inclusive (widened to a whole minute); default: end − 24 h' })),
  end: Type.Optional(Type.String({ description: 'RFC 3339, exclusive (widened to a whole minute); default: now' })),
  window_size: Type.Optional(Type.String({ default: 'none', description: WINDOW_SIZES.join(' | ') })),
  time_zone: Type.Optional(Type.String({ default: 'UTC' })),
  group_by: Type.Optional(Type.Union(API_CALL_DIMENSIONS.map((d) => Type.Literal(d)))),
});
const Ms = Type.Union([Type.Number(), Type.Null()]);
const Item = Type.Object({
  window_start: Type.String({ format: 'date-time' }),
  window_end: Type.String({ format: 'date-time' }),
  endpoint: Type.Optional(Type.String()),
  customer_id: Type.Optional(Type.String()),
  method: Type.Optional(Type.String()),
  status_code: Type.Optional(Type.Integer()),
  count: Type.Integer(),
  error_count_4xx: Type.Integer(),
  error_count_5xx: Type.Integer(),
  error_rate_4xx: Type.Number(),
  error_rate_5xx: Type.Number(),
  p50_ms: Ms, p90_ms: Ms, p95_ms: Ms, p99_ms: Ms, mean_ms: Ms,
  request_bytes: Type.Number(),
  response_bytes: Type.Number(),
});

function instant(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const ms = parseTimestamp(value);
  if (ms === undefined) throw new InvalidInputError(`${name} must be an RFC 3339 date-time`, { field: name });
  return ms;
}

export const analyticsApiCalls: Route = (app, { store }) => {
  app.get<{ Querystring: Static<typeof Query> }>('/analytics/api-calls', {
    schema: {
      summary: 'API-call performance: count, error rates, latency percentiles and bytes per window',
      description: `From rollups written at ingest for events whose metadata has endpoint and status_code (as the gateway middleware records). Percentiles come from merged log-bin histograms, within ${PERCENTILE_RELATIVE_ERROR * 100}% of the exact nearest-rank value.`,
      querystring: Query,
      response: {
        200: Type.Object({ event_name: Type.String(), start: Type.String(), end: Type.String(), percentile_relative_error: Type.Number(), items: Type.Array(Item) }),
        ...errorReplies,
      },
    },
  }, async (req) => {
    const q = req.query;
    const size = q.window_size ?? 'none';
    if (!isWindowSize(size)) throw new InvalidInputError(`window_size must be one of ${WINDOW_SIZES.join(', ')}`, { field: 'window_size' });
    const end = instant('end', q.end, Date.now());
    const start = instant('start', q.start, end - 86_400_000);
    const eventName = q.event_name ?? 'api_call';
    const groupBy = q.group_by as ApiCallDimension | undefined;
    const r = await queryApiCalls(store, req.auth.mode, { eventName, start, end, windowSize: size as WindowSize, timeZone: q.time_zone ?? 'UTC', groupBy });
    return {
      event_name: eventName,
      start: new Date(r.start).toISOString(),
      end: new Date(r.end).toISOString(),
      percentile_relative_error: PERCENTILE_RELATIVE_ERROR,
      items: r.items.map(({ window_start, window_end, group, ...figures }) => ({
        window_start: new Date(window_start).toISOString(),
        window_end: new Date(window_end).toISOString(),
        ...(groupBy ? { [groupBy]: groupBy === 'status_code' ? Number(group) : group } : {}),
        ...figures,
      })),
    };
  });
};
