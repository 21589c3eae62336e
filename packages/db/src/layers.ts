import { Layer } from "effect";
import { Allocations } from "./allocations.ts";
import { Applications } from "./applications.ts";
import { AuditTrail } from "./audit-trail.ts";
import { Budgets } from "./budgets.ts";
import { Calls } from "./calls.ts";
import { Database, type DatabaseConfig } from "./database.ts";
import { Documents } from "./documents.ts";
import { Grants } from "./grants.ts";
import { Outbox } from "./outbox-store.ts";
import { PartnerKeys } from "./partner-keys.ts";
import { Partners } from "./partners.ts";
import { RateLimits } from "./rate-limits.ts";
import { SchemeOptions } from "./scheme-options.ts";
import { Schemes } from "./schemes.ts";
import { Sessions } from "./sessions.ts";
import { Users } from "./users.ts";
import { WhatIfPopulation } from "./what-if-population.ts";

/**
 * Every repository over one database and the institution's schemes: what the API's runtime
 * and the database suites are built on.
 */
export const repositoriesLayer = (config: DatabaseConfig, schemes: Schemes["Service"]) => {
  const deps = Layer.mergeAll(Database.layer(config), Schemes.layer(schemes));
  const repositories = Layer.mergeAll(
    Applications.layer,
    Budgets.layer,
    Calls.layer,
    Users.layer,
    Partners.layer,
    Sessions.layer,
    RateLimits.layer,
    PartnerKeys.layer,
    Outbox.layer,
    AuditTrail.layer,
    Documents.layer,
    SchemeOptions.layer,
    WhatIfPopulation.layer,
  ).pipe(Layer.provideMerge(deps));
  return Layer.mergeAll(Grants.layer, Allocations.layer).pipe(Layer.provideMerge(repositories));
};

export type Repositories = Layer.Success<ReturnType<typeof repositoriesLayer>>;
