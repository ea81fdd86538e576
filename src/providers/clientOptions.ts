import { fetchWithTimeout } from './deadline.ts';

/** Where a model server is and how long one request to it may take (chat models and embedders alike). */
export interface Endpoint {
  baseUrl: string;
  apiKey: string | undefined;
  timeoutMs: number;
}

/**
 * Connection options of LangChain's OpenAI clients (chat completions and embeddings). Their own
 * retries are off: callers retry with the configured backoff.
 */
export function openAiClientOptions(endpoint: Endpoint) {
  return {
    // Keyless OpenAI-compatible servers (vLLM, LocalAI, TEI) ignore the key, but the client insists on one.
    apiKey: endpoint.apiKey ?? 'not-needed',
    configuration: { baseURL: endpoint.baseUrl },
    timeout: endpoint.timeoutMs,
    maxRetries: 0,
  };
}

/**
 * Connection options of LangChain's Ollama clients (chat and embeddings): the client takes no
 * timeout, so every request gets one through fetch; a key goes in as a bearer token for
 * Ollama servers behind an authenticating proxy. Their own retries are off, as for OpenAI.
 */
export function ollamaClientOptions(endpoint: Endpoint) {
  return {
    baseUrl: endpoint.baseUrl,
    maxRetries: 0,
    fetch: fetchWithTimeout(endpoint.timeoutMs),
    headers: endpoint.apiKey ? { Authorization: `Bearer ${endpoint.apiKey}` } : undefined,
  };
}
