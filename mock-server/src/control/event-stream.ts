/** Reading a `text/event-stream` body: what the control client's `journal.follow` parses. */

/** One server-sent event: its `event` name (`message` by default), `id` and `data`. */
export interface StreamEvent {
  event: string;
  id: string | undefined;
  data: string;
}

/** The event of one block of lines (fields `event`, `id`, `data`; comments skipped). */
function eventOf(block: string): StreamEvent | undefined {
  let event = 'message';
  let id: string | undefined;
  const data: string[] = [];
  for (const line of block.split(/\r\n|\r|\n/)) {
    if (line === '' || line.startsWith(':')) continue;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? '' : line.slice(colon + 1).replace(/^ /, '');
    if (field === 'event') event = value;
    else if (field === 'id') id = value;
    else if (field === 'data') data.push(value);
  }
  return data.length === 0 ? undefined : { event, id, data: data.join('\n') };
}

/** The events of a stream of text chunks, as they complete. */
export async function* streamEvents(chunks: AsyncIterable<string>): AsyncGenerator<StreamEvent> {
  let buffer = '';
  for await (const chunk of chunks) {
    buffer += chunk;
    for (let end = buffer.search(/\r?\n\r?\n/); end !== -1; end = buffer.search(/\r?\n\r?\n/)) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end).replace(/^\r?\n\r?\n/, '');
      const event = eventOf(block);
      if (event) yield event;
    }
  }
}
