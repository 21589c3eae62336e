export { alumni } from "./alumni.ts";
