import { getRequestListener } from '@hono/node-server';
import { Hono, type Context } from 'hono';
import { describe } from 'vitest';
import { listen } from '../testing/listen.js';
import { tallyContract } from '../testing/tally-contract.js';
import { tally } from './index.js';

describe('tally() on Hono', () => {
  tallyContract<Context>(async (options) => {
    const app = new Hono();
    const mw = tally(options);
    app.use(mw);
    app.get('/a/:id', (c) => c.text('a'));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    app.onError((_e, c) => c.text('failed', 500));
    return { mw, server: await listen(getRequestListener(app.fetch)) };
  }, (c) => c.req.header('x-customer'));
});
