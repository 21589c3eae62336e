export { ami } from "./ami.ts";
