/**
 * Identity stitching rules, pure. A visitor id (a browser, a device) follows one customer at a
 * time; a customer may have many visitor ids. A login links them; a login of someone else on
 * the same browser moves the link (the first customer is told, the second too); the events a
 * visitor id sends later get its linked customer at ingest.
 */

/** What a login changes, given the customer the visitor id is linked to now. */
export const linkChange = (
  current: string | undefined,
  customerId: string,
): 'unchanged' | 'link' | 'move' => {
  if (current === undefined) return 'link';
  return current === customerId ? 'unchanged' : 'move';
};

/**
 * The customer of each event, in batch order: the one it names; otherwise the one its visitor
 * id was linked to by an earlier login of the same batch, or before the batch (`linked`). The
 * customer ids given here must be proven (by an identity token, see `identity-token.ts`): write
 * keys are public, so a bare customer id could be anyone's.
 */
export const stitchCustomers = <
  E extends { type: string; anonymousId: string; customerId?: string | undefined },
>(
  events: E[],
  linked: ReadonlyMap<string, string | undefined>,
): (string | undefined)[] => {
  const byVisitor = new Map(linked);
  return events.map((event) => {
    if (event.type === 'identify' && event.customerId) byVisitor.set(event.anonymousId, event.customerId);
    return event.customerId ?? byVisitor.get(event.anonymousId);
  });
};
