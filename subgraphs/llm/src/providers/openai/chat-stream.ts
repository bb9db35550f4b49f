import type OpenAI from 'openai';
import type { ChatCompletionMessageParam } from 'openai/resources/chat/completions';
import type { Deadline } from '../deadline.js';
import { renderPromptMessages } from '../prompt-text.js';
import type { TextChunk, TextRequest, TokenUsage } from '../provider.js';
import { countTokens } from '../token-counter.js';
import { toProviderError, type ErrorScope } from './map-error.js';

// Per OpenAI's token-counting guide: each chat message costs about 3 tokens of framing, the reply's priming 3 more.
const TOKENS_PER_MESSAGE = 3;
const TOKENS_PER_REPLY = 3;

export function chatMessages(request: Pick<TextRequest, 'kind' | 'prompt' | 'context'>): ChatCompletionMessageParam[] {
  const { system, user } = renderPromptMessages(request);
  return [...(system ? [{ role: 'system' as const, content: system }] : []), { role: 'user' as const, content: user }];
}

/** Prompt tokens as OpenAI will bill them for these messages (o200k), counted before the call. */
export function countPromptTokens(messages: ChatCompletionMessageParam[]): number {
  return messages.reduce((sum, m) => sum + TOKENS_PER_MESSAGE + countTokens(typeof m.content === 'string' ? m.content : ''), TOKENS_PER_REPLY);
}

/**
 * One streamed chat completion with one key: deltas as they come, then `done` with the usage chunk's figures.
 * A failure after the response started carries partialUsage (prompt tokens counted before, completion tokens
 * counted over the deltas yielded).
 */
export async function* streamChat(client: OpenAI, request: TextRequest, scope: Omit<ErrorScope, 'streaming'>, deadline: Deadline): AsyncGenerator<TextChunk> {
  const messages = chatMessages(request);
  const promptTokens = countPromptTokens(messages);
  let sent = '';
  const fail = (err: unknown, streaming: boolean) =>
    toProviderError(err, { ...scope, streaming, partialUsage: streaming ? { promptTokens, completionTokens: countTokens(sent) } : undefined });
  let stream;
  try {
    stream = await client.chat.completions.create(
      { model: request.model, messages, stream: true, stream_options: { include_usage: true }, max_tokens: request.maxTokens, seed: request.seed },
      { signal: deadline.signal },
    );
  } catch (err) {
    throw fail(err, false);
  }
  let finish: 'stop' | 'length' | null = null;
  let usage: TokenUsage | null = null;
  let model = request.model;
  try {
    for await (const chunk of stream) {
      deadline.touch();
      if (typeof chunk !== 'object' || chunk === null || !Array.isArray(chunk.choices)) throw new SyntaxError('a chunk without choices');
      model = chunk.model || model;
      if (chunk.usage) usage = { promptTokens: chunk.usage.prompt_tokens, completionTokens: chunk.usage.completion_tokens };
      const choice = chunk.choices[0];
      if (choice?.finish_reason) finish = choice.finish_reason === 'length' ? 'length' : 'stop';
      const text = choice?.delta?.content;
      if (text) {
        sent += text;
        yield { type: 'delta', text };
      }
    }
  } catch (err) {
    throw fail(err, true);
  }
  // The SDK ends the stream quietly when our signal aborts it: a stream without finish_reason was cut short somehow.
  if (finish === null) throw fail(new SyntaxError('the stream ended without a finish_reason'), true);
  // No usage chunk (a compatible server that ignores include_usage): null, the provider did not say.
  yield { type: 'done', model, finishReason: finish, usage };
}
