export { idf } from "./idf.ts";
