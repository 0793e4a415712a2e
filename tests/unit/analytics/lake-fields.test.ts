/**
 * The lake's allow-list names real fields: each field it lists for an event type is a field of
 * that type's schema (a misspelt name would silently keep nothing), and what it leaves out of a
 * domain event is only what is meant to stay out.
 */
import { describe, expect, test } from 'vitest';
import { channelDetail, channelProperties, domainDetails } from '#functions/analytics/lake/lake-fields.ts';
import { ChannelEvent, type ChannelEventType } from '#schemas/channels/channel-event.ts';
import { ChannelEventV1 } from '#schemas/events/channel-event.ts';
import { domainEvents } from '#schemas/events/index.ts';
import type * as z from '#schemas/zod.ts';

const fieldsOf = (schema: z.ZodMiniType): string[] => Object.keys((schema as z.ZodMiniObject).shape);

describe('the lake allow-list', () => {
  test.each(
    ChannelEvent.def.options.map(
      (option) => [option.shape.type.def.values[0] as ChannelEventType, option] as const,
    ),
  )('lists only properties that %s events have', (type, option) => {
    const listed = channelProperties[type];
    if (listed === 'codes') return;
    expect(fieldsOf(option.shape.properties)).toEqual(expect.arrayContaining(Object.keys(listed)));
  });

  test('lists only fields and context fields that channel events on the bus have', () => {
    expect(fieldsOf(ChannelEventV1)).toEqual(expect.arrayContaining(Object.keys(channelDetail)));
    expect(fieldsOf(ChannelEventV1.shape.context)).toEqual(
      expect.arrayContaining(Object.keys(channelDetail.context)),
    );
  });

  test.each(
    domainEvents
      .filter((event) => event.detailType !== 'ChannelEvent')
      .map((event) => [event.detailType, event] as const),
  )('lists only fields that %s has', (detailType, event) => {
    const listed = domainDetails[detailType as keyof typeof domainDetails];
    expect(fieldsOf(event.detail)).toEqual(expect.arrayContaining(Object.keys(listed)));
  });

  test('leaves out of domain events only what is meant to stay out: the reasons of a KYC decision, of an end of relationship and of a report’s correction, what a call or an e-mail was about', () => {
    const left = domainEvents
      .filter((event) => event.detailType !== 'ChannelEvent')
      .flatMap((event) => {
        const listed = Object.keys(domainDetails[event.detailType as keyof typeof domainDetails]);
        return fieldsOf(event.detail)
          .filter((field) => !listed.includes(field))
          .map((field) => `${event.detailType}.${field}`);
      });
    expect(left).toEqual([
      'KycStatusChanged.reason',
      'RelationshipEndRecorded.reason',
      'ActivityLogged.subject',
      'ActivityLogged.summary',
      'MeetingReported.reason',
    ]);
  });
});
