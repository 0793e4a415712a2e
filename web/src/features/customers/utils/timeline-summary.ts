/**
 * What a history entry is about, in a line or two of the user's language, read from its
 * `detail` (pure: the tests call it for each language).
 *
 * The details are those the API stores (`schemas/events/*.ts` for the domain events, and
 * `functions/channels/domain/activity.ts` for the channel activity: visits, logins,
 * simulations…). A detail is `Record<string, unknown>` on the wire, so every field is read
 * defensively: a missing or unexpected field leaves its part out, never a broken sentence.
 */
import type { TimelineEntry } from '#schemas/customers/timeline.ts';
import { formattersFor, i18n, type Lang, labelOf } from '#web/src/lib/i18n.ts';
import '../i18n.ts';

export type SummaryContext = {
  /** A branch's name by id (the directory), when known. */
  branchName?: (branchId: string) => string | undefined;
};

type Detail = TimelineEntry['detail'];

const text = (detail: Detail, key: string): string | undefined => {
  const value = detail[key];
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
};
const number = (detail: Detail, key: string): number | undefined => {
  const value = detail[key];
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
};
const texts = (detail: Detail, key: string): string[] => {
  const value = detail[key];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
};
const records = (detail: Detail, key: string): Record<string, unknown>[] => {
  const value = detail[key];
  return Array.isArray(value)
    ? value.filter((item): item is Record<string, unknown> => typeof item === 'object' && item !== null)
    : [];
};

/** Fields a reassignment changes: an update of only these is an assignment. */
const assignmentFields = new Set(['segment', 'advisorId', 'branchId']);

/** Channel activity: the customer did it, on the channel named in the detail. */
const activityTypes = new Set([
  'Visit',
  'Login',
  'SimulationCompleted',
  'FormSubmitted',
  'ProductViewed',
  'Transaction',
  'AppOpened',
]);

const customersT = (lang: Lang) => i18n.getFixedT(lang, 'customers');

/** A duration in months, as people say it: whole years when it is some (240 → 20 years). */
const durationText = (lang: Lang, months: number): string => {
  const t = customersT(lang);
  return months % 12 === 0
    ? t('history.summary.years', { count: months / 12 })
    : t('history.summary.months', { count: months });
};

/** An amount band of a transaction (`<50`, `50-500`, `500-5k`, `>5k`) in euros. */
const amountBandText = (lang: Lang, band: string): string => {
  const t = i18n.getFixedT(lang, 'common');
  const { money } = formattersFor(lang);
  const euros = (value: string) => money(Number(value.replace(/k$/, '')) * (value.endsWith('k') ? 1000 : 1));
  const between = /^(\d+k?)-(\d+k?)$/.exec(band);
  if (between) return t('balance.between', { low: euros(between[1] ?? ''), high: euros(between[2] ?? '') });
  const bound = /^([<>])(\d+k?)$/.exec(band);
  if (bound)
    return t(bound[1] === '<' ? 'balance.below' : 'balance.above', { amount: euros(bound[2] ?? '') });
  return band;
};

/**
 * The lines that say what `entry` is about, in `lang`: none when its detail tells nothing
 * more than its type.
 */
export const summariseEntry = (entry: TimelineEntry, lang: Lang, context: SummaryContext = {}): string[] => {
  const t = customersT(lang);
  const format = formattersFor(lang);
  const detail = entry.detail;
  const labels = <K extends string>(object: Readonly<Record<K, string>>) => object as Record<string, string>;
  const channels = labels(t('enums.appChannel', { returnObjects: true }));
  const products = labels(t('enums.product', { returnObjects: true }));
  const branch = (id: string) => context.branchName?.(id) ?? id;
  const product = (code: string) => labelOf(products, code);
  const channelOf = () => {
    const channel = text(detail, 'channel');
    return channel ? labelOf(channels, channel) : undefined;
  };

  switch (entry.type) {
    case 'CustomerCreated': {
      const kind = text(detail, 'kind');
      const segment = text(detail, 'segment');
      const branchId = text(detail, 'branchId');
      if (!kind || !segment || !branchId) return [];
      return [
        t('history.summary.created', {
          kind: labelOf(labels(t('enums.kind', { returnObjects: true })), kind),
          segment: labelOf(
            labels(i18n.getFixedT(lang, 'common')('segments', { returnObjects: true })),
            segment,
          ),
          branch: branch(branchId),
        }),
      ];
    }
    case 'CustomerUpdated': {
      const fieldNames = labels(t('enums.field', { returnObjects: true }));
      const changed = texts(detail, 'changedFields');
      const lines: string[] = [];
      const previousBranchId = text(detail, 'previousBranchId');
      const branchId = text(detail, 'branchId');
      if (previousBranchId && branchId && previousBranchId !== branchId) {
        lines.push(t('history.summary.moved', { from: branch(previousBranchId), to: branch(branchId) }));
      }
      if (changed.length > 0) {
        const fields = changed.map((field) => labelOf(fieldNames, field));
        const assignment = changed.every((field) => assignmentFields.has(field));
        lines.push(
          assignment ? t('history.summary.reassigned', { fields }) : t('history.summary.changed', { fields }),
        );
      }
      return lines;
    }
    case 'KycStatusChanged': {
      const statuses = labels(t('enums.kycStatus', { returnObjects: true }));
      const from = text(detail, 'from');
      const to = text(detail, 'to');
      const reason = text(detail, 'reason');
      return [
        ...(to
          ? [
              t('history.summary.kycStatus', {
                to: labelOf(statuses, to),
                from: from ? labelOf(statuses, from) : '—',
              }),
            ]
          : []),
        ...(reason ? [t('history.summary.kycReason', { reason: reason.trim() })] : []),
      ];
    }
    case 'RelationshipEndRecorded': {
      const endedOn = text(detail, 'endedOn');
      const reason = text(detail, 'reason');
      return [
        endedOn
          ? t('history.summary.relationshipEnded', { on: format.date(endedOn) })
          : t('history.summary.relationshipGoesOn'),
        ...(reason ? [t('history.summary.kycReason', { reason: reason.trim() })] : []),
      ];
    }
    case 'ConsentChanged': {
      const consentChannels = labels(t('enums.channel', { returnObjects: true }));
      const purposes = labels(t('enums.purpose', { returnObjects: true }));
      const sources = labels(t('enums.source', { returnObjects: true }));
      return records(detail, 'changes').flatMap((change) => {
        const channel = text(change, 'channel');
        const purpose = text(change, 'purpose');
        if (!channel || !purpose || typeof change.granted !== 'boolean') return [];
        const values = {
          channel: labelOf(consentChannels, channel),
          purpose: labelOf(purposes, purpose).toLocaleLowerCase(lang),
          source: labelOf(sources, text(change, 'source') ?? '—'),
        };
        return [
          change.granted
            ? t('history.summary.consentGranted', values)
            : t('history.summary.consentWithdrawn', values),
        ];
      });
    }
    case 'SimulationCompleted': {
      const code = text(detail, 'product');
      const amount = number(detail, 'amount');
      const months = number(detail, 'durationMonths');
      const monthly = number(detail, 'monthlyPayment');
      const duration = months !== undefined && months > 0 ? durationText(lang, months) : undefined;
      const parts = [
        ...(code ? [product(code)] : []),
        ...(amount !== undefined && duration
          ? [t('history.summary.amountOver', { amount: format.money(amount), duration })]
          : amount !== undefined
            ? [format.money(amount)]
            : duration
              ? [t('history.summary.over', { duration })]
              : []),
        ...(monthly !== undefined
          ? [t('history.summary.monthlyPayment', { amount: format.moneyCents(monthly) })]
          : []),
      ];
      return parts.length > 0 ? [parts.join(' · ')] : [];
    }
    case 'Visit': {
      const pages = number(detail, 'pages');
      const seconds = number(detail, 'durationSeconds');
      const head = [
        ...(pages !== undefined ? [t('history.summary.pages', { count: pages })] : []),
        ...(seconds !== undefined
          ? [
              seconds < 60
                ? t('history.summary.lessThanAMinute')
                : t('history.summary.minutes', { count: Math.round(seconds / 60) }),
            ]
          : []),
      ];
      const paths = texts(detail, 'paths');
      const viewed = texts(detail, 'products').map(product);
      return [
        ...(head.length > 0 ? [head.join(' · ')] : []),
        ...(paths.length > 0 ? [t('history.summary.paths', { paths })] : []),
        ...(viewed.length > 0 ? [t('history.summary.products', { products: viewed })] : []),
      ];
    }
    case 'Login': {
      const method = text(detail, 'method');
      const methods = labels(t('enums.loginMethod', { returnObjects: true }));
      return method ? [t('history.summary.loginMethod', { method: labelOf(methods, method) })] : [];
    }
    case 'FormSubmitted': {
      const form = text(detail, 'form');
      return form ? [t('history.summary.form', { form })] : [];
    }
    case 'ProductViewed': {
      const code = text(detail, 'product');
      if (!code) return [];
      const family = text(detail, 'family');
      const families = labels(t('enums.family', { returnObjects: true }));
      return [
        family
          ? t('history.summary.productFamily', {
              product: product(code),
              family: labelOf(families, family).toLocaleLowerCase(lang),
            })
          : product(code),
      ];
    }
    case 'Transaction': {
      const kinds = labels(t('enums.transactionKind', { returnObjects: true }));
      const kind = text(detail, 'kind');
      const code = text(detail, 'product');
      const band = text(detail, 'amountBand');
      const head = kind
        ? code
          ? t('history.summary.transaction', { kind: labelOf(kinds, kind), product: product(code) })
          : labelOf(kinds, kind)
        : code
          ? product(code)
          : undefined;
      const parts = [...(head ? [head] : []), ...(band ? [amountBandText(lang, band)] : [])];
      return parts.length > 0 ? [parts.join(' · ')] : [];
    }
    case 'AppOpened': {
      const version = text(detail, 'appVersion');
      const parts = [
        ...(detail.firstOpen === true ? [t('history.summary.firstOpen')] : []),
        ...(version ? [t('history.summary.appVersion', { version })] : []),
      ];
      return parts.length > 0 ? [parts.join(' · ')] : [];
    }
    case 'IdentityLinked': {
      const channel = channelOf();
      if (!channel) return [];
      return [
        t('history.summary.linked', { channel }),
        ...(detail.movedFromAnotherCustomer === true ? [t('history.summary.linkedMoved')] : []),
      ];
    }
    case 'IdentityUnlinked': {
      const channel = channelOf();
      const reason = text(detail, 'reason');
      if (!channel || (reason !== 'unlinked' && reason !== 'linked_to_another_customer')) return [];
      return [t(`history.summary.unlinked.${reason}`, { channel })];
    }
    case 'OpportunityCreated':
    case 'OpportunityUpdated':
    case 'OpportunityStageChanged':
    case 'OpportunityWon':
    case 'OpportunityLost':
      return dealSummary(entry.type, detail, lang);
    case 'ActivityLogged': {
      const subject = text(detail, 'subject');
      if (!subject) return [];
      const kind = text(detail, 'kind');
      if (kind === 'task') {
        const status = text(detail, 'taskStatus') ?? 'open';
        const due = text(detail, 'dueOn');
        return [
          t(`history.summary.task.${status === 'done' || status === 'cancelled' ? status : 'open'}`, {
            subject,
            on: due ? format.date(due) : '—',
          }),
        ];
      }
      const summary = text(detail, 'summary');
      const direction = text(detail, 'direction') === 'outbound' ? 'outbound' : 'inbound';
      return [
        t(`history.summary.${kind === 'email' ? 'email' : 'call'}.${direction}`, { subject }),
        ...(summary ? [summary] : []),
      ];
    }
    case 'MeetingReported': {
      const version = number(detail, 'version') ?? 1;
      const products = texts(detail, 'productsDiscussed').map((code) =>
        labelOf(t('enums.product', { returnObjects: true }) as Record<string, string>, code),
      );
      const channels = t('enums.meetingChannel', { returnObjects: true }) as Record<string, string>;
      const channel = labelOf(channels, text(detail, 'channel') ?? '—');
      const reason = text(detail, 'reason');
      return [
        version > 1
          ? t('history.summary.meetingCorrected', { version, reason: reason ?? '—' })
          : t('history.summary.meetingReported', { channel }),
        ...(products.length > 0 ? [t('history.summary.productsDiscussed', { products })] : []),
      ];
    }
    case 'QuoteIssued':
    case 'QuoteAccepted': {
      const cents = number(detail, 'principalCents');
      const months = number(detail, 'months');
      const taeg = number(detail, 'taegPercent');
      if (cents === undefined || months === undefined || taeg === undefined) return [];
      const product = labelOf(
        t('enums.product', { returnObjects: true }) as Record<string, string>,
        text(detail, 'productCode') ?? '—',
      );
      return [
        t(entry.type === 'QuoteIssued' ? 'history.summary.quoteIssued' : 'history.summary.quoteAccepted', {
          number: number(detail, 'quoteNumber') ?? '—',
          product,
          terms: t('history.summary.amountOver', {
            amount: format.money(cents / 100),
            duration: durationText(lang, months),
          }),
          taeg: format.number(taeg),
        }),
      ];
    }
    default:
      return [];
  }
};

/** What a sales opportunity's entry says: its product and amount, and what happened to it. */
const dealSummary = (type: string, detail: Record<string, unknown>, lang: Lang): string[] => {
  const t = customersT(lang);
  const format = formattersFor(lang);
  const labels = <K extends string>(object: Readonly<Record<K, string>>) => object as Record<string, string>;
  const stages = labels(t('enums.dealStage', { returnObjects: true }));
  const product = labelOf(
    labels(t('enums.product', { returnObjects: true })),
    text(detail, 'productCode') ?? '—',
  );
  const cents = typeof detail.amountCents === 'number' ? detail.amountCents : undefined;
  const amount = cents === undefined ? '—' : format.moneyCents(cents / 100);
  const on = (field: string) => {
    const day = text(detail, field);
    return day ? format.date(day) : '—';
  };
  switch (type) {
    case 'OpportunityCreated':
      return [t('history.summary.dealOpened', { product, amount, on: on('expectedCloseOn') })];
    case 'OpportunityUpdated': {
      const fields = labels(t('enums.dealField', { returnObjects: true }));
      return [
        t('history.summary.dealChanged', {
          fields: texts(detail, 'changedFields').map((field) => labelOf(fields, field)),
        }),
      ];
    }
    case 'OpportunityStageChanged':
      return [
        t('history.summary.dealMoved', {
          product,
          from: labelOf(stages, text(detail, 'from') ?? '—'),
          to: labelOf(stages, text(detail, 'to') ?? '—'),
        }),
      ];
    case 'OpportunityWon':
      return [t('history.summary.dealWon', { product, amount, on: on('closedOn') })];
    default:
      return [
        t('history.summary.dealLost', {
          product,
          reason: labelOf(
            labels(t('enums.lostReason', { returnObjects: true })),
            text(detail, 'lostReason') ?? '—',
          ),
        }),
      ];
  }
};

/** Who did it: a staff member by name, or the customer on a channel for channel activity. */
export const entryAuthor = (entry: TimelineEntry, lang: Lang): string => {
  const t = customersT(lang);
  const channel = typeof entry.detail.channel === 'string' ? entry.detail.channel : undefined;
  if (activityTypes.has(entry.type) && channel) {
    const channels = t('enums.appChannel', { returnObjects: true }) as Record<string, string>;
    return t('history.byCustomer', { channel: labelOf(channels, channel) });
  }
  return t('history.by', { name: entry.actor.name });
};
