import { Type } from 'typebox';
import { EVENT_LIMITS } from '@tally/core';
import type { Route } from '../context.js';
import { errorReplies, ErrorBody, MetadataValue } from '../schemas/common.js';
import { DomainError } from '../../errors/domain-error.js';

const EventInput = Type.Object({
  event_id: Type.String({ minLength: 1, maxLength: EVENT_LIMITS.idMaxLength }),
  customer_id: Type.String({ minLength: 1, maxLength: EVENT_LIMITS.idMaxLength }),
  event_name: Type.String({ minLength: 1, maxLength: EVENT_LIMITS.nameMaxLength }),
  timestamp: Type.Optional(Type.Union([Type.String({ format: 'date-time' }), Type.Null()])),
  metadata: Type.Optional(Type.Union([Type.Record(Type.String({ maxLength: 100 }), MetadataValue, { maxProperties: 50 }), Type.Null()])),
});

const IngestBody = Type.Object({
  events: Type.Array(EventInput, { minItems: 1, maxItems: EVENT_LIMITS.maxEventsPerRequest }),
});

const IngestReply = Type.Object({
  ingested_count: Type.Integer(),
  duplicate_count: Type.Integer(),
  unknown_customer_ids: Type.Array(Type.String()),
});

export const eventsIngest: Route = (app, { events, metrics }) => {
  app.post('/events/ingest', {
    schema: {
      summary: 'Ingest 1 to 1000 usage events',
      description: 'All or nothing: the whole request is checked first. Event IDs already stored are skipped and counted as duplicates. Replies only after the events are durably committed.',
      body: IngestBody,
      response: { 200: IngestReply, ...errorReplies, 413: ErrorBody, 415: ErrorBody, 422: ErrorBody },
    },
    // The schema above documents the body; @tally/core checks it, naming each bad event by index.
    validatorCompiler: () => () => true,
  }, async (req) => {
    try {
      const outcome = await events.ingest(req.auth.mode, req.body);
      metrics.ingested.inc({ mode: req.auth.mode }, outcome.ingested_count);
      metrics.duplicates.inc({ mode: req.auth.mode }, outcome.duplicate_count);
      return outcome;
    } catch (err) {
      if (err instanceof DomainError && err.kind === 'invalid') {
        const list = (req.body as { events?: unknown })?.events;
        metrics.rejected.inc(Array.isArray(list) ? list.length : 0);
      }
      throw err;
    }
  });
};
