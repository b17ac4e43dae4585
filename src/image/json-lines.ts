// The engine answers build and push with newline-separated JSON progress messages.
import type { Readable } from 'node:stream';

/**
 * Reads newline-separated JSON messages from the engine (a message may span chunks). A line that is not JSON goes to
 * onText when given, and is dropped otherwise.
 */
export async function readJsonLines<T>(
  stream: Readable,
  onMessage: (message: T) => void,
  onText?: (text: string) => void,
): Promise<void> {
  let buffered = '';
  const parse = (line: string): void => {
    const text = line.trim();
    if (text === '') return;
    let message: T;
    try {
      message = JSON.parse(text) as T;
    } catch {
      onText?.(text);
      return;
    }
    onMessage(message);
  };
  for await (const chunk of stream as AsyncIterable<Buffer | string>) {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    lines.forEach(parse);
  }
  parse(buffered);
}
