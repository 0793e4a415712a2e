/**
 * The JSON Schemas of the domain events, generated from their zod schemas into `docs/events/`
 * for the teams that consume the bus. A change to an event shows up here in review; run
 * `npx vitest run tests/unit/event-schemas.test.ts -u` to accept it.
 */
import { describe, expect, it } from 'vitest';
import { domainEvents } from '#schemas/events/index.ts';
import * as z from '#schemas/zod.ts';

describe.each(domainEvents)('$detailType', (event) => {
  it('has a published JSON Schema', async () => {
    const version = event.detail.shape.schemaVersion.def.values[0];
    const schema = {
      title: `${event.detailType} v${version}`,
      description: `EventBridge detail of source "${event.source}", detail-type "${event.detailType}".`,
      ...z.toJSONSchema(event.detail, { io: 'output' }),
    };
    await expect(`${JSON.stringify(schema, null, 2)}\n`).toMatchFileSnapshot(
      `../../docs/events/${event.detailType}.v${version}.schema.json`,
    );
  });
});
