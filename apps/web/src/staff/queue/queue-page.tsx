import "./queue-page.css";
import { formatMoney, PARTICIPANTS, REQUEST_STATES } from "@envol/domain";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { getRouteApi, Link, useNavigate } from "@tanstack/react-router";
import { type ReactNode, useEffect, useId, useMemo } from "react";
import { useEnvolClient } from "../../auth/use-envol-client.ts";
import { formatShortDate } from "../../i18n/format-date.ts";
import { formatInstantDay } from "../../i18n/format-instant.ts";
import { useDocumentTitle } from "../../shell/use-document-title.ts";
import { countryOptions } from "../../simulator/country-options.ts";
import { academicYearChoices, currentAcademicYear, todayIso } from "../academic-years.ts";
import { LoadProblem } from "../load-problem.tsx";
import {
  activeFilterCount,
  type FilterField,
  filtersFromSearch,
  ignoredSearch,
  NO_FILTERS,
  pageCount,
  pageLinks,
  pageRange,
  QUEUE_SORTS,
  QUEUE_VIEWS,
  type QueueFilters,
  searchFromFilters,
  withFilter,
  withSearch,
  withStates,
  withView,
} from "../queue-filters.ts";
import { type QueueItem, queueQueryOptions, requestsCsvHref } from "../staff-api.ts";
import { type Names, useNames } from "../staff-names.ts";
import { StateBadge } from "../state-badge.tsx";
import { useStaffTranslation } from "../texts/staff-texts.ts";

const queueRoute = getRouteApi("/staff/queue");

/**
 * The queue of requests: filters, sort and page live in the address (reload, back button and
 * shared links keep them); one table row per request, its student's name linking to the
 * application; the CSV export takes the same filters.
 */
export const QueuePage = () => {
  const { t } = useStaffTranslation();
  useDocumentTitle(t("queue.title"));
  const search = queueRoute.useSearch();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const ignored = useMemo(() => ignoredSearch(search), [search]);
  const navigate = useNavigate({ from: "/staff/queue" });
  const api = useEnvolClient();
  const names = useNames();
  const queue = useQuery({ ...queueQueryOptions(api, filters), placeholderData: keepPreviousData });
  const headingId = useId();
  const statusId = useId();

  const go = (next: QueueFilters) => void navigate({ search: searchFromFilters(next) });

  const total = queue.data?.total ?? 0;
  const pages = pageCount(total);
  const range = pageRange(filters.page, total);

  // a page past the end (rows were decided meanwhile, or an old link): the last page instead
  const pastTheEnd = queue.data !== undefined && !queue.isPlaceholderData && filters.page > pages;
  useEffect(() => {
    if (pastTheEnd)
      void navigate({ search: searchFromFilters({ ...filters, page: pages }), replace: true });
  }, [pastTheEnd, filters, pages, navigate]);

  return (
    <section className="staff-page" aria-labelledby={headingId}>
      <div className="staff-page__header">
        <h1 id={headingId}>{t("queue.title")}</h1>
        <a className="button" href={requestsCsvHref(filters)} download>
          {t("queue.export")}
        </a>
      </div>

      <QueueFilterForm filters={filters} onChange={go} />
      {ignored.length > 0 && (
        <div className="notice notice--warning">
          <p>{t("queue.ignored", { params: ignored.join(", ") })}</p>
        </div>
      )}

      <p id={statusId} className="staff-queue__status" role="status">
        {queue.isPending
          ? t("queue.loading")
          : queue.data
            ? total === 0
              ? t("queue.empty")
              : t(queue.data.more ? "queue.more" : "queue.count", {
                  count: total,
                  from: range.from,
                  to: range.to,
                })
            : ""}
        {queue.isFetching && !queue.isPending ? ` ${t("queue.updating")}` : ""}
      </p>

      {queue.isError && !queue.data ? (
        <LoadProblem error={queue.error} onRetry={() => void queue.refetch()} />
      ) : queue.data && queue.data.items.length > 0 ? (
        <>
          <QueueTable items={queue.data.items} filters={filters} names={names} />
          {pages > 1 && <Pagination filters={filters} pages={pages} />}
        </>
      ) : null}
    </section>
  );
};

const FILTER_FIELDS = ["participant", "scheme", "academicYear", "destination", "partner"] as const;

const QueueFilterForm = ({
  filters,
  onChange,
}: {
  readonly filters: QueueFilters;
  readonly onChange: (next: QueueFilters) => void;
}) => {
  const { t } = useStaffTranslation();
  const names = useNames();
  const id = useId();
  const years = useMemo(
    () => academicYearChoices(currentAcademicYear(todayIso()), filters.academicYear),
    [filters.academicYear],
  );
  const countries = useMemo(() => countryOptions(names.lang), [names.lang]);
  const options: Record<FilterField, readonly { id: string; label: string }[]> = {
    participant: PARTICIPANTS.map((p) => ({ id: p, label: t(`queue.filters.participants.${p}`) })),
    scheme: names.schemes.map((s) => ({ id: s.id, label: s.name })),
    academicYear: years.map((y) => ({ id: y, label: y })),
    destination: countries,
    partner: [...names.partners]
      .sort((a, b) => a.name.localeCompare(b.name, names.lang))
      .map((p) => ({ id: p.id, label: p.name })),
  };
  const count = activeFilterCount(filters);
  return (
    <search className="staff-filters">
      <h2 className="visually-hidden">{t("queue.filters.title")}</h2>
      <div className="staff-filters__top">
        <StudentSearch filters={filters} onChange={onChange} />
        <div className="field staff-filters__field">
          <label className="field__label" htmlFor={`${id}-view`}>
            {t("queue.filters.view")}
          </label>
          <select
            id={`${id}-view`}
            className="field__input"
            value={filters.states ? "states" : filters.view}
            onChange={(e) => {
              const view = QUEUE_VIEWS.find((v) => v === e.currentTarget.value);
              if (view) onChange(withView(filters, view));
            }}
          >
            {QUEUE_VIEWS.map((v) => (
              <option key={v} value={v}>
                {t(`queue.filters.views.${v}`)}
              </option>
            ))}
            {filters.states && <option value="states">{t("queue.filters.views.states")}</option>}
          </select>
        </div>
        <StatesPicker filters={filters} onChange={onChange} />
      </div>
      <div className="staff-filters__fields">
        {FILTER_FIELDS.map((field) => {
          const value = filters[field] ?? "";
          const list = options[field];
          return (
            <div key={field} className="field staff-filters__field">
              <label className="field__label" htmlFor={`${id}-${field}`}>
                {t(`queue.filters.${field}`)}
              </label>
              <select
                id={`${id}-${field}`}
                className="field__input"
                value={value}
                onChange={(e) => onChange(withFilter(filters, field, e.currentTarget.value))}
              >
                <option value="">{t("queue.filters.all")}</option>
                {/* a value from the address the catalogue does not list (yet) stays shown */}
                {value !== "" && !list.some((o) => o.id === value) && (
                  <option value={value}>{value}</option>
                )}
                {list.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.label}
                  </option>
                ))}
              </select>
            </div>
          );
        })}
        <div className="field staff-filters__field staff-filters__field--wide">
          <label className="field__label" htmlFor={`${id}-sort`}>
            {t("queue.sort.label")}
          </label>
          <select
            id={`${id}-sort`}
            className="field__input"
            value={filters.sort}
            onChange={(e) =>
              onChange(
                filtersFromSearch({
                  ...searchFromFilters(filters),
                  sort: e.currentTarget.value,
                  page: 1,
                }),
              )
            }
          >
            {QUEUE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(`queue.sort.${s}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      {count > 0 && (
        <button
          type="button"
          className="link-button"
          onClick={() => onChange({ ...NO_FILTERS, sort: filters.sort })}
        >
          {t("queue.filters.clear", { count })}
        </button>
      )}
    </search>
  );
};

/** The search for a student: sent when asked (Enter or the button), not at each key. */
const StudentSearch = ({
  filters,
  onChange,
}: {
  readonly filters: QueueFilters;
  readonly onChange: (next: QueueFilters) => void;
}) => {
  const { t } = useStaffTranslation();
  const id = useId();
  return (
    <form
      className="staff-filters__search"
      onSubmit={(e) => {
        e.preventDefault();
        const typed = new FormData(e.currentTarget).get("search");
        onChange(withSearch(filters, typeof typed === "string" ? typed : ""));
      }}
    >
      <div className="field staff-filters__field">
        <label className="field__label" htmlFor={`${id}-search`}>
          {t("queue.filters.search")}
        </label>
        <div className="staff-filters__search-row">
          <input
            id={`${id}-search`}
            name="search"
            type="search"
            className="field__input"
            maxLength={200}
            defaultValue={filters.search ?? ""}
            key={filters.search ?? ""}
            aria-describedby={`${id}-search-hint`}
          />
          <button type="submit" className="button button--secondary">
            {t("queue.filters.searchButton")}
          </button>
        </div>
        <p id={`${id}-search-hint`} className="field__hint">
          {t("queue.filters.searchHint")}
        </p>
      </div>
    </form>
  );
};

/** Several states at once: a list of boxes to tick, folded under how many are ticked. */
const StatesPicker = ({
  filters,
  onChange,
}: {
  readonly filters: QueueFilters;
  readonly onChange: (next: QueueFilters) => void;
}) => {
  const { t } = useStaffTranslation();
  const chosen = filters.states ?? [];
  return (
    <div className="field staff-filters__field">
      <span className="field__label" aria-hidden="true">
        {t("queue.filters.state")}
      </span>
      <details className="staff-states">
        <summary className="field__input">
          <span className="visually-hidden">{t("queue.filters.state")} </span>
          {chosen.length === 0
            ? t("queue.filters.statesAll")
            : t("queue.filters.statesSome", { count: chosen.length })}
        </summary>
        <fieldset className="staff-states__list">
          <legend className="visually-hidden">{t("queue.filters.state")}</legend>
          {REQUEST_STATES.map((state) => (
            <label key={state} className="staff-states__choice">
              <input
                type="checkbox"
                checked={chosen.includes(state)}
                onChange={(e) =>
                  onChange(
                    withStates(
                      filters,
                      e.currentTarget.checked
                        ? [...chosen, state]
                        : chosen.filter((s) => s !== state),
                    ),
                  )
                }
              />
              {t(`states.${state}`)}
            </label>
          ))}
        </fieldset>
      </details>
    </div>
  );
};

const SORTED_COLUMN = {
  "updated-desc": "updated",
  "updated-asc": "updated",
  "start-asc": "stay",
} as const;
const ARIA_SORT = {
  "updated-desc": "descending",
  "updated-asc": "ascending",
  "start-asc": "ascending",
} as const;

const QueueTable = ({
  items,
  filters,
  names,
}: {
  readonly items: readonly QueueItem[];
  readonly filters: QueueFilters;
  readonly names: Names;
}) => {
  const { t } = useStaffTranslation();
  const lang = names.lang;
  const sorted = SORTED_COLUMN[filters.sort];
  const ariaSort = (column: "updated" | "stay") =>
    sorted === column ? ARIA_SORT[filters.sort] : undefined;
  const captionId = useId();
  return (
    <div className="staff-table-scroll">
      <table className="staff-data-table staff-data-table--cards">
        <caption id={captionId} className="visually-hidden">
          {t("queue.caption")}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("queue.columns.student")}</th>
            <th scope="col">{t("queue.columns.scheme")}</th>
            <th scope="col">{t("queue.columns.state")}</th>
            <th scope="col">{t("queue.columns.destination")}</th>
            <th scope="col" aria-sort={ariaSort("stay")}>
              {t("queue.columns.stay")}
            </th>
            <th scope="col" className="staff-numeric">
              {t("queue.columns.estimate")}
            </th>
            <th scope="col" className="staff-numeric">
              {t("queue.columns.approved")}
            </th>
            <th scope="col">{t("queue.columns.documents")}</th>
            <th scope="col" aria-sort={ariaSort("updated")}>
              {t("queue.columns.updated")}
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.request.id}>
              <th scope="row" data-label={t("queue.columns.student")}>
                <Link
                  to="/staff/applications/$id"
                  params={{ id: item.request.applicationId }}
                  className="staff-queue__student"
                >
                  {item.student.name || item.student.email}
                </Link>
                <span className="staff-queue__email">{item.student.email}</span>
                {/* a student is the queue's default applicant: a member of the personnel is marked */}
                {item.participant === "personnel" && (
                  <span className="staff-queue__participant">{t("queue.personnel")}</span>
                )}
              </th>
              <td data-label={t("queue.columns.scheme")}>{names.scheme(item.request.scheme)}</td>
              <td data-label={t("queue.columns.state")}>
                <StateBadge state={item.request.state} />
                {item.awaitingOffice && (
                  <span className="staff-queue__attention">{t("queue.awaitingOffice")}</span>
                )}
              </td>
              <td data-label={t("queue.columns.destination")}>
                {names.country(item.destinationCountry)}
                {item.hostPartnerId && (
                  <span className="staff-queue__partner">{names.partner(item.hostPartnerId)}</span>
                )}
              </td>
              <td data-label={t("queue.columns.stay")} className="staff-queue__stay">
                {t("queue.stay", {
                  start: formatShortDate(item.startDate, lang),
                  end: formatShortDate(item.endDate, lang),
                })}
                <span className="staff-queue__year">{item.academicYear}</span>
              </td>
              <td data-label={t("queue.columns.estimate")} className="staff-numeric">
                {item.request.estimatedCents === null
                  ? "—"
                  : formatMoney(item.request.estimatedCents, lang)}
              </td>
              <td data-label={t("queue.columns.approved")} className="staff-numeric">
                {item.request.approvedCents === null
                  ? "—"
                  : formatMoney(item.request.approvedCents, lang)}
              </td>
              <td data-label={t("queue.columns.documents")}>
                {item.documents.complete === null ? (
                  t("queue.documents.unknown")
                ) : item.documents.complete ? (
                  t("queue.documents.complete")
                ) : (
                  <span title={item.documents.missing.map((m) => m.label).join(" ; ")}>
                    {t("queue.documents.missing", { count: item.documents.missing.length })}
                  </span>
                )}
              </td>
              <td data-label={t("queue.columns.updated")}>
                {formatInstantDay(item.request.updatedAt, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
};

/** A link to a page of the queue, current only on exactly that page (the filters included). */
const PageLink = ({
  filters,
  page,
  ...props
}: {
  readonly filters: QueueFilters;
  readonly page: number;
  readonly children: ReactNode;
  readonly rel?: string;
  readonly "aria-label"?: string;
}) => (
  <Link
    to="/staff/queue"
    search={searchFromFilters({ ...filters, page })}
    activeOptions={{ exact: true, includeSearch: true }}
    {...props}
  />
);

const Pagination = ({
  filters,
  pages,
}: {
  readonly filters: QueueFilters;
  readonly pages: number;
}) => {
  const { t } = useStaffTranslation();
  const page = Math.min(filters.page, pages);
  return (
    <nav className="staff-pagination" aria-label={t("queue.pages.label")}>
      <ul>
        <li>
          {page > 1 ? (
            <PageLink filters={filters} page={page - 1} rel="prev">
              {t("queue.pages.previous")}
            </PageLink>
          ) : (
            <span className="staff-pagination__off">{t("queue.pages.previous")}</span>
          )}
        </li>
        {pageLinks(page, pages).map((p, i) =>
          p === "gap" ? (
            <li key={`gap-${i}`} className="staff-pagination__gap">
              <span aria-hidden="true">…</span>
              <span className="visually-hidden">{t("queue.pages.gap")}</span>
            </li>
          ) : (
            <li key={p}>
              <PageLink
                filters={filters}
                page={p}
                aria-label={t("queue.pages.page", { page: p, pages })}
              >
                {p}
              </PageLink>
            </li>
          ),
        )}
        <li>
          {page < pages ? (
            <PageLink filters={filters} page={page + 1} rel="next">
              {t("queue.pages.next")}
            </PageLink>
          ) : (
            <span className="staff-pagination__off">{t("queue.pages.next")}</span>
          )}
        </li>
      </ul>
    </nav>
  );
};
