/** The control client's reader of `text/event-stream` bodies. */
import { streamEvents } from '../../src/control/event-stream';

async function* chunks(...parts: string[]) {
  yield* parts;
}

const read = async (...parts: string[]) => {
  const out = [];
  for await (const event of streamEvents(chunks(...parts))) out.push(event);
  return out;
};

it('reads events across chunks, with CRLF, comments and multi-line data', async () => {
  expect(
    await read(
      'retry: 1000\n\n: ping\n\nid: 7\nevent: req',
      'uest\ndata: {"a":1}\n\n',
      'data: x\r\n',
    ),
  ).toEqual([{ event: 'request', id: '7', data: '{"a":1}' }]);
  expect(await read('data:one\ndata: two\r\n\r\nevent: other\ndata\n\n')).toEqual([
    { event: 'message', id: undefined, data: 'one\ntwo' },
    { event: 'other', id: undefined, data: '' },
  ]);
});
