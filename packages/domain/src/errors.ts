import { Data } from "effect";
import type { Lang } from "./text.ts";

/** The situation names a partner id that is not in the catalogue (field `mobility.host.partner`). */
export class UnknownPartner extends Data.TaggedError("UnknownPartner")<{
  readonly partner: string;
}> {
  override get message(): string {
    return `mobility.host.partner: no partner "${this.partner}" in the catalogue`;
  }
}

/** A plugin's configured options do not parse; each issue names the field and why. */
export class PluginOptionsInvalid extends Data.TaggedError("PluginOptionsInvalid")<{
  readonly plugin: string;
  readonly issues: readonly { readonly path: string; readonly message: string }[];
}> {
  override get message(): string {
    const lines = this.issues.map((i) => `  - ${i.path || "(options)"}: ${i.message}`);
    return `plugin "${this.plugin}" has invalid options:\n${lines.join("\n")}`;
  }
}

/** The registry was given two plugins with the same id, or a plugin whose definition is wrong. */
export class RegistryInvalid extends Data.TaggedError("RegistryInvalid")<{
  readonly problems: readonly string[];
}> {
  override get message(): string {
    return `invalid funding registry:\n${this.problems.map((p) => `  - ${p}`).join("\n")}`;
  }
}

/** An error that says itself to the reader, in their language: the detail of a 409. */
export interface Explained {
  readonly explain: (lang: Lang) => string;
}

export const isExplained = (error: unknown): error is Explained =>
  typeof (error as Partial<Explained> | null)?.explain === "function";
