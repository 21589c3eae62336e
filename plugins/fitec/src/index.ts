export { fitec } from "./fitec.ts";
