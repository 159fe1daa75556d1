import { afterAll, describe, expect, it } from 'vitest';
import { completeLine } from '../../../src/adapters/console/complete.js';
import { testApp } from '../../helpers/app.js';

const app = testApp();
afterAll(() => app.close());

describe('console tab completion', () => {
  it('completes command names', () => {
    expect(completeLine('/se', app)).toEqual([['/search ', '/settings '], '/se']);
    expect(completeLine('/', app)[0]).toHaveLength(app.registry.names().length);
  });

  it('completes a lookup from the catalog, ranked by the shared search', () => {
    const [candidates] = completeLine('/model x3', app);
    expect(candidates[0]).toBe('/model X3D');
    const [datasets] = completeLine('/dataset seg', app);
    expect(datasets).toContain('/dataset Segmentation');
  });

  it('completes the option being typed for /settings', () => {
    expect(completeLine('/settings toky', app)[0]).toEqual(['/settings Asia/Tokyo']);
    expect(completeLine('/settings language:j', app)[0]).toEqual(['/settings language:ja']);
    expect(completeLine('/settings language:ja timezone:berl', app)[0]).toEqual(['/settings language:ja timezone:Europe/Berlin']);
  });

  it('offers nothing for plain text or commands without a lookup', () => {
    expect(completeLine('hello', app)[0]).toEqual([]);
    expect(completeLine('/help mo', app)[0]).toEqual([]);
  });
});
