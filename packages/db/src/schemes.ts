import type { ConfiguredPlugin, Registry } from "@envol/domain";
import { Context, Layer } from "effect";

/**
 * The schemes the institution offers, for the repositories: the registry they evaluate
 * against, and a way to configure a scheme again with the options in force when a grant was
 * approved (a recalculation uses them unless staff choose the current ones).
 */
export class Schemes extends Context.Service<
  Schemes,
  {
    readonly registry: Registry;
    readonly configureWith: (scheme: string, options: unknown) => ConfiguredPlugin | undefined;
    /** The share of an approved grant paid as the advance, in percent (80 unless configured). */
    readonly advancePercent: (scheme: string) => number;
  }
>()("@envol/db/Schemes") {
  static readonly layer = (schemes: Schemes["Service"]): Layer.Layer<Schemes> =>
    Layer.succeed(Schemes, schemes);
}
