import type { BackupManifest } from "@envol/db";
import type { IsoDate, Partner, Registry } from "@envol/domain";
import type { InstitutionConfig } from "@envol/institution";
import type { FileStore } from "./file-store.ts";
import type { Limits } from "./limits.ts";
import type { OidcSettings } from "./oidc-client.ts";
import type { Runner } from "./services.ts";

/** What the routes need from the rest of Envol; the server wires the real ones, tests theirs. */
export interface AppDeps {
  /** The schemes and the partner catalogue the simulator evaluates against. */
  readonly registry: () => Registry;
  /**
   * Builds the registry again if the schemes' dated options changed in the database (ADR 020);
   * called after the office saves them. Absent: the registry never changes (database-less tests).
   */
  readonly refreshRegistry?: () => Promise<boolean>;
  /**
   * The institution's configuration the registry is built from: each scheme's options schema
   * and a way to configure it with other options (what-if scenarios and dated options, ADR 020).
   * Absent: no scheme's options can be read or changed (their routes answer 422 on `scheme`).
   */
  readonly configuration?: InstitutionConfig;
  readonly partners: () => Promise<readonly Partner[]>;
  /** Whether the database answers. */
  readonly ready: () => Promise<boolean>;
  /** Today, at the edge: the domain never reads the clock itself. */
  readonly today: () => IsoDate;
  /** The instant, for the rate limits' windows (default: the wall clock; tests move their own). */
  readonly now?: () => Date;
  /** The rate limits and quotas (default: DEFAULT_LIMITS). */
  readonly limits?: Limits;
  /** Runs repository Effects on the app's one ManagedRuntime. */
  readonly run: Runner;
  /** Where uploaded documents' bytes go (default: ./data/files, outside any served folder). */
  readonly files?: FileStore;
  /** The school's single sign-on (OpenID Connect); absent: SSO is off (its routes answer 404). */
  readonly oidc?: OidcSettings;
  /**
   * On PGlite: what the local CLI may ask of the server, which alone may open the database
   * (`POST /api/ops/backup`), to a caller holding `token`; absent: those routes answer 404.
   */
  readonly ops?: {
    readonly token: string;
    /** Writes a backup into the folder (an absolute path), which must be empty. */
    readonly backup: (dir: string) => Promise<BackupManifest>;
  };
}
