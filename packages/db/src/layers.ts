import { Layer } from "effect";
import { Applications } from "./applications.ts";
import { Budgets } from "./budgets.ts";
import { Database, type DatabaseConfig } from "./database.ts";
import { Grants } from "./grants.ts";
import { Partners } from "./partners.ts";
import { Schemes } from "./schemes.ts";
import { Users } from "./users.ts";

/**
 * Every repository over one database and the institution's schemes: what the API's runtime
 * and the database suites are built on.
 */
export const repositoriesLayer = (config: DatabaseConfig, schemes: Schemes["Service"]) => {
  const deps = Layer.mergeAll(Database.layer(config), Schemes.layer(schemes));
  const repositories = Layer.mergeAll(
    Applications.layer,
    Budgets.layer,
    Users.layer,
    Partners.layer,
  ).pipe(Layer.provideMerge(deps));
  return Grants.layer.pipe(Layer.provideMerge(repositories));
};

export type Repositories = Layer.Success<ReturnType<typeof repositoriesLayer>>;
