import { describe, expect, it } from 'vitest';
import { linkChange, stitchCustomers } from '#functions/channels/domain/identity.ts';

describe('identity stitching', () => {
  it('links a new visitor, leaves a known link alone, and moves a link to someone else', () => {
    expect(linkChange(undefined, 'cu-1')).toBe('link');
    expect(linkChange('cu-1', 'cu-1')).toBe('unchanged');
    expect(linkChange('cu-1', 'cu-2')).toBe('move');
  });

  it('gives later events of a visitor the customer of a login earlier in the batch', () => {
    // Prepare
    const events = [
      { type: 'page_view', anonymousId: 'visitor-1' },
      { type: 'identify', anonymousId: 'visitor-1', customerId: 'cu-1' },
      { type: 'page_view', anonymousId: 'visitor-1' },
      { type: 'page_view', anonymousId: 'visitor-2' },
      { type: 'page_view', anonymousId: 'visitor-3', customerId: 'cu-9' },
    ];
    // Act
    const customers = stitchCustomers(events, new Map([['visitor-2', 'cu-2']]));
    // Assess
    expect(customers).toEqual([undefined, 'cu-1', 'cu-1', 'cu-2', 'cu-9']);
  });

  it('follows the latest login when someone else logs in on the same browser', () => {
    const customers = stitchCustomers(
      [
        { type: 'identify', anonymousId: 'visitor-1', customerId: 'cu-2' },
        { type: 'click', anonymousId: 'visitor-1' },
      ],
      new Map([['visitor-1', 'cu-1']]),
    );
    expect(customers).toEqual(['cu-2', 'cu-2']);
  });
});
