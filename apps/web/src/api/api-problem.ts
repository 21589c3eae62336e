/**
 * What the API said when it refused (RFC 9457 problem details): its status, type, title and detail,
 * already in the language asked, and for a validation error each field and why.
 */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string | undefined,
    readonly errors: readonly { readonly path: string; readonly message: string }[],
    /** Which problem it is (its `type` URI), when the API said. */
    readonly type: string | undefined = undefined,
    /** The problem's other members (RFC 9457 extensions: an override's `grounds`), unchecked. */
    readonly extensions: Readonly<Record<string, unknown>> = {},
  ) {
    super(detail ? `${title}: ${detail}` : title);
  }

  /** What a validation error says about one field (its dotted path), if anything. */
  fieldError(path: string): string | undefined {
    return this.errors.find((e) => e.path === path)?.message;
  }
}

interface ProblemBody {
  readonly type?: unknown;
  readonly title?: unknown;
  readonly detail?: unknown;
  readonly errors?: unknown;
}

/** The members every problem has, read into the fields above; the others are its extensions. */
const STANDARD_MEMBERS = new Set(["type", "title", "status", "detail", "instance", "errors"]);

const isFieldError = (e: unknown): e is { path: string; message: string } =>
  typeof e === "object" &&
  e !== null &&
  typeof (e as { path?: unknown }).path === "string" &&
  typeof (e as { message?: unknown }).message === "string";

/** The problem in a refused response; a body that is not one (a proxy's page) keeps the status. */
export const problemOf = async (res: {
  readonly status: number;
  readonly statusText?: string;
  json(): Promise<unknown>;
}): Promise<ApiProblem> => {
  const body = (await res.json().catch(() => ({}))) as ProblemBody;
  const extensions = Object.fromEntries(
    Object.entries(typeof body === "object" && body !== null ? body : {}).filter(
      ([member]) => !STANDARD_MEMBERS.has(member),
    ),
  );
  return new ApiProblem(
    res.status,
    typeof body.title === "string" ? body.title : `HTTP ${res.status}`,
    typeof body.detail === "string" ? body.detail : undefined,
    Array.isArray(body.errors) ? body.errors.filter(isFieldError) : [],
    typeof body.type === "string" ? body.type : undefined,
    extensions,
  );
};

/**
 * Whether a query tries again after `error` (every query's rule, set on the query client): the
 * API's refusals (a problem below 500: not found, not allowed, invalid) are answers, not
 * failures; a lost connection or a server error is tried twice more.
 */
export const retryUnlessRefused = (failures: number, error: unknown): boolean =>
  !(error instanceof ApiProblem && error.status < 500) && failures < 2;

export const isProblem = (e: unknown, status?: number): e is ApiProblem =>
  e instanceof ApiProblem && (status === undefined || e.status === status);
