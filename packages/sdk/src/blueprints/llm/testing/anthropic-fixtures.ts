import type { SseMessage } from './fake-provider-server.js';

/** Shapes from @anthropic-ai/sdk's Message and RawMessageStreamEvent types. */
export const MODEL = 'claude-sonnet-4-5-20250929';

export function message(usage: Record<string, unknown> = {}) {
  return {
    id: 'msg_013Zva2CMHLNnXjNJJKqJ2EF',
    type: 'message',
    role: 'assistant',
    model: MODEL,
    content: [{ type: 'text', text: 'Hi! My name is Claude.', citations: null }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 2095, output_tokens: 503, cache_creation_input_tokens: 120, cache_read_input_tokens: 1800, service_tier: 'standard', server_tool_use: null, ...usage },
  };
}

export function messageStream(): SseMessage[] {
  const start = message({ output_tokens: 1 });
  const events: Array<Record<string, unknown>> = [
    { type: 'message_start', message: { ...start, content: [], stop_reason: null } },
    { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: 'Hi! My name' } },
    { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: ' is Claude.' } },
    { type: 'content_block_stop', index: 0 },
    // Deltas carry cumulative counts; null fields mean unchanged.
    { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: 503, input_tokens: null, cache_creation_input_tokens: null, cache_read_input_tokens: null, server_tool_use: null } },
    { type: 'message_stop' },
  ];
  return [{ event: 'ping', data: { type: 'ping' } }, ...events.map((e) => ({ event: String(e.type), data: e }))];
}
