import { describe } from 'vitest';
import { expressVersions } from '../testing/express-apps.js';
import { listen } from '../testing/listen.js';
import { tallyContract } from '../testing/tally-contract.js';
import { tally, tallyApp } from './index.js';
import type { ExpressRequest } from './types.js';

const versions = await expressVersions();

describe.each(versions)('tally() on %s', (_name, express) => {
  tallyContract<ExpressRequest>(async (options) => {
    const app = express();
    const mw = tally(options);
    app.use(mw);
    app.get('/a/:id', (_req, res) => res.send('a'));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    return { mw, server: await listen(app) };
  }, (req) => req.headers['x-customer'] as string | undefined);
});

describe.each(versions)('tallyApp() on %s', (_name, express) => {
  tallyContract<ExpressRequest>(async (options) => {
    const app = express();
    app.get('/a/:id', (_req, res) => res.send('a'));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    const mw = tallyApp(app, options);
    return { mw, server: await listen(app) };
  }, (req) => req.headers['x-customer'] as string | undefined);
});
