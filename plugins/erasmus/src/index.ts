export { erasmus } from "./erasmus.ts";
