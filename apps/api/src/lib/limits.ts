import { DEFAULT_STATEMENT_WINDOW_DAYS } from "@envol/domain";
import type { Config } from "../config.ts";

/**
 * How much each caller may do (issue #10): rates counted in the database so that they hold
 * across instances, and each application's share of the file store. A rate of 0 is no limit.
 */
export interface Limits {
  /** Anonymous simulations per client (IPv4 address or IPv6 /64) and minute. */
  readonly simulationsPerMinute: number;
  /** City searches per client and minute: a student types, the simulator asks as they do. */
  readonly placesPerMinute: number;
  /** Applications a student may create per day. */
  readonly applicationsPerDay: number;
  /** Document uploads per student and hour. */
  readonly uploadsPerHour: number;
  /** Partner API calls per API key and minute. */
  readonly partnerCallsPerMinute: number;
  /**
   * Days around the planned stay (within its academic year) that a host's actual dates may fall
   * in: beyond, its statement is refused (issue #12).
   */
  readonly partnerDateWindowDays: number;
  /** Documents one application may hold, and their bytes in all. */
  readonly documentsPerApplication: number;
  readonly documentBytesPerApplication: number;
}

const MIB = 1024 * 1024;

/** Sensible for a school: a busy simulator page, a student's real needs, a partner's batch. */
export const DEFAULT_LIMITS: Limits = {
  simulationsPerMinute: 60,
  placesPerMinute: 120,
  applicationsPerDay: 20,
  uploadsPerHour: 30,
  partnerCallsPerMinute: 600,
  partnerDateWindowDays: DEFAULT_STATEMENT_WINDOW_DAYS,
  documentsPerApplication: 20,
  documentBytesPerApplication: 50 * MIB,
};

export const limitsOf = (config: Config): Limits => ({
  simulationsPerMinute: config.ENVOL_LIMIT_SIMULATIONS_PER_MINUTE,
  placesPerMinute: config.ENVOL_LIMIT_PLACES_PER_MINUTE,
  applicationsPerDay: config.ENVOL_LIMIT_APPLICATIONS_PER_DAY,
  uploadsPerHour: config.ENVOL_LIMIT_UPLOADS_PER_HOUR,
  partnerCallsPerMinute: config.ENVOL_LIMIT_PARTNER_CALLS_PER_MINUTE,
  partnerDateWindowDays: config.ENVOL_PARTNER_DATE_WINDOW_DAYS,
  documentsPerApplication: config.ENVOL_DOCUMENTS_PER_APPLICATION,
  documentBytesPerApplication: config.ENVOL_DOCUMENT_MB_PER_APPLICATION * MIB,
});
