export { mic } from "./mic.ts";
