import {
  evaluate,
  type IsoDate,
  type Lang,
  type Registry,
  type SimulationReport,
  type Situation,
  UnknownPartner,
} from "@envol/domain";
import { Result } from "effect";

/**
 * A stored situation evaluated on the rules and figures in force `today`, not those of the day
 * the student simulated. Its host partner may have left the catalogue since: that is a failure
 * to tell the reader, not a crash.
 */
export const evaluateToday = (
  situation: Situation,
  registry: Registry,
  today: IsoDate,
  lang: Lang,
): Result.Result<SimulationReport, UnknownPartner> => {
  try {
    return Result.succeed(evaluate(situation, registry, { asOf: today, lang }));
  } catch (e) {
    if (e instanceof UnknownPartner) return Result.fail(e);
    throw e;
  }
};
