/**
 * The places of an erasure, as the API describes them from the privacy registry: what will be
 * erased, kept (and why) and left to expire (within how long) for the plan the officer confirms;
 * what was removed (how many), kept and left to expire for the report. The descriptions are the
 * registry's, which says each in English and French: shown in the user's language (French by
 * default), each with its location key in small monospace. A request stored before the registry
 * spoke French has its texts in English in both: they are shown marked `lang="en"`, as English
 * always is, so that a screen reader reads them as English.
 */
import { type ReactNode, useId } from 'react';
import type { PrivacyRequest } from '#schemas/platform/privacy-request.ts';
import { useLocale } from '#web/src/lib/i18n.ts';
import { usePrivacyTranslation } from '../i18n.ts';

type Said = { en: string; fr: string };
type Place = { location: string; what: Said };
type Plan = NonNullable<PrivacyRequest['erasurePlan']>;
type Report = NonNullable<PrivacyRequest['erasureReport']>;

/** A text of the registry in the user's language; `lang="en"` when what shows is English. */
const SaidText = ({ said, className }: { said: Said; className?: string }) => {
  const { lang } = useLocale();
  const english = lang === 'en' || said.fr === said.en;
  return (
    <span className={className} lang={english ? 'en' : undefined}>
      {said[lang]}
    </span>
  );
};

/** A label of the screen, then the registry's text. */
const Labelled = ({ label, text }: { label: string; text: Said }) => (
  <>
    <span className="erasure-label">{label}</span> <SaidText said={text} />
  </>
);

/**
 * One titled list of places, each with what the caller says of it (`detail`); the functions' log
 * groups, when there are several, as one entry listing them (their detail is the same).
 */
const PlaceList = <P extends Place>({
  id,
  title,
  places,
  detail,
  level = 3,
}: {
  id: string;
  title: string;
  places: readonly P[];
  detail?: (place: P) => ReactNode;
  level?: 3 | 4;
}) => {
  const { t } = usePrivacyTranslation();
  const titleId = useId();
  const Heading = level === 3 ? 'h3' : 'h4';
  // The functions' log groups (one per function, all alike) show as one entry that opens.
  const isLog = (place: P) => place.location.startsWith('logGroup ');
  const logs = places.filter(isLog).length > 1 ? places.filter(isLog) : [];
  const single = places.filter((place) => !logs.includes(place));
  return (
    <section className={`erasure-places erasure-${id}`} aria-labelledby={titleId}>
      <Heading id={titleId}>
        {title} <span className="erasure-count">({places.length})</span>
      </Heading>
      {places.length === 0 ? (
        <p className="muted">{t('panel.nothing')}</p>
      ) : (
        <ul>
          {single.map((place) => (
            <li key={place.location}>
              <SaidText className="erasure-what" said={place.what} />{' '}
              <code className="mono small erasure-location">{place.location}</code>
              {detail ? <span className="erasure-detail">{detail(place)}</span> : null}
            </li>
          ))}
          {logs.length > 0 ? (
            <li className="erasure-log-groups">
              <details>
                <summary>{t('panel.logGroups', { count: logs.length })}</summary>
                <ul>
                  {logs.map((place) => (
                    <li key={place.location}>
                      <code className="mono small erasure-location">{place.location}</code>
                    </li>
                  ))}
                </ul>
              </details>
              {detail && logs[0] ? <span className="erasure-detail">{detail(logs[0])}</span> : null}
            </li>
          ) : null}
        </ul>
      )}
    </section>
  );
};

/** The plan of an erasure awaiting confirmation. */
export const ErasurePlanLists = ({ plan }: { plan: Plan }) => {
  const { t } = usePrivacyTranslation();
  return (
    <div className="erasure-lists">
      <PlaceList id="erase" title={t('panel.erase')} places={plan.erase} />
      <PlaceList
        id="keep"
        title={t('panel.keep')}
        places={plan.keep}
        detail={(place) => <Labelled label={t('panel.why')} text={place.why} />}
      />
      <PlaceList
        id="expire"
        title={t('panel.expire')}
        places={plan.expire}
        detail={(place) => <Labelled label={t('panel.within')} text={place.within} />}
      />
    </div>
  );
};

/** The report of a completed erasure. */
export const ErasureReportLists = ({ report }: { report: Report }) => {
  const { t } = usePrivacyTranslation();
  return (
    <div className="erasure-lists">
      <PlaceList
        id="removed"
        level={4}
        title={t('panel.report.removed')}
        places={report.removed}
        detail={(place) => t('panel.report.count', { count: place.count })}
      />
      <PlaceList
        id="kept"
        level={4}
        title={t('panel.report.kept')}
        places={report.kept}
        detail={(place) => <Labelled label={t('panel.why')} text={place.why} />}
      />
      <PlaceList
        id="expiring"
        level={4}
        title={t('panel.report.expiring')}
        places={report.expiring}
        detail={(place) => <Labelled label={t('panel.within')} text={place.within} />}
      />
    </div>
  );
};
