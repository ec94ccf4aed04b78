import type { SseMessage } from './fake-provider-server.js';

/** Shapes from the openai package's ChatCompletion / ChatCompletionChunk / Response types. */
export const chatUsage = {
  prompt_tokens: 19,
  completion_tokens: 10,
  total_tokens: 29,
  prompt_tokens_details: { cached_tokens: 8, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 4, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
};

export function chatCompletion(model = 'gpt-4o-mini-2024-07-18', extra: Record<string, unknown> = {}) {
  return {
    id: 'chatcmpl-abc123',
    object: 'chat.completion',
    created: 1_741_569_952,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: 'Hello there!', refusal: null, annotations: [] }, logprobs: null, finish_reason: 'stop' }],
    usage: chatUsage,
    service_tier: 'default',
    system_fingerprint: 'fp_1',
    ...extra,
  };
}

function chunk(model: string, choices: unknown[], usage: unknown, extra: Record<string, unknown> = {}) {
  return { id: 'chatcmpl-abc123', object: 'chat.completion.chunk', created: 1_741_569_952, model, system_fingerprint: 'fp_1', choices, ...(usage === undefined ? {} : { usage }), ...extra };
}

/**
 * A streamed chat completion. With include_usage every chunk has `usage: null`
 * and a last chunk carries the usage with no choices, as OpenAI documents.
 */
export function chatStream(options: { model?: string; includeUsage: boolean }): SseMessage[] {
  const model = options.model ?? 'gpt-4o-mini-2024-07-18';
  const u = options.includeUsage ? null : undefined;
  const messages: SseMessage[] = [
    { data: chunk(model, [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, logprobs: null, finish_reason: null }], u) },
    { data: chunk(model, [{ index: 0, delta: { content: 'Hello' }, logprobs: null, finish_reason: null }], u) },
    { data: chunk(model, [{ index: 0, delta: { content: ' there!' }, logprobs: null, finish_reason: null }], u) },
    { data: chunk(model, [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], u) },
  ];
  if (options.includeUsage) messages.push({ data: chunk(model, [], chatUsage) });
  messages.push({ data: '[DONE]' });
  return messages;
}

/** Groq streams report usage in `x_groq.usage` on the last chunk. */
export function groqStream(model = 'llama-3.3-70b-versatile'): SseMessage[] {
  return [
    { data: chunk(model, [{ index: 0, delta: { role: 'assistant', content: 'Hi' }, logprobs: null, finish_reason: null }], undefined, { x_groq: { id: 'req_01' } }) },
    {
      data: chunk(model, [{ index: 0, delta: {}, logprobs: null, finish_reason: 'stop' }], undefined, {
        x_groq: { id: 'req_01', usage: { queue_time: 0.01, prompt_tokens: 12, prompt_time: 0.001, completion_tokens: 6, completion_time: 0.01, total_tokens: 18, total_time: 0.011 } },
      }),
    },
    { data: '[DONE]' },
  ];
}

export const responsesUsage = {
  input_tokens: 36,
  input_tokens_details: { cached_tokens: 16, cache_write_tokens: 0 },
  output_tokens: 87,
  output_tokens_details: { reasoning_tokens: 64 },
  total_tokens: 123,
};

export function response(status: 'in_progress' | 'completed', model = 'o4-mini-2025-04-16') {
  const done = status === 'completed';
  return {
    id: 'resp_67ccd2bed1ec8190',
    object: 'response',
    created_at: 1_741_476_542,
    status,
    error: null,
    incomplete_details: null,
    instructions: null,
    max_output_tokens: null,
    model,
    output: done
      ? [{ type: 'message', id: 'msg_67ccd2bf', status: 'completed', role: 'assistant', content: [{ type: 'output_text', text: 'In a peaceful grove...', annotations: [] }] }]
      : [],
    parallel_tool_calls: true,
    previous_response_id: null,
    reasoning: { effort: 'medium', summary: null },
    store: true,
    temperature: 1,
    text: { format: { type: 'text' } },
    tool_choice: 'auto',
    tools: [],
    top_p: 1,
    truncation: 'disabled',
    usage: done ? responsesUsage : null,
    user: null,
    metadata: {},
  };
}

export function responseStream(): SseMessage[] {
  const events: Array<Record<string, unknown>> = [
    { type: 'response.created', sequence_number: 0, response: response('in_progress') },
    { type: 'response.output_text.delta', sequence_number: 1, item_id: 'msg_67ccd2bf', output_index: 0, content_index: 0, delta: 'In a peaceful', logprobs: [] },
    { type: 'response.output_text.delta', sequence_number: 2, item_id: 'msg_67ccd2bf', output_index: 0, content_index: 0, delta: ' grove...', logprobs: [] },
    { type: 'response.completed', sequence_number: 3, response: response('completed') },
  ];
  return events.map((e) => ({ event: String(e.type), data: e }));
}
