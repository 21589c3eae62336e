export { micStaff } from "./mic-staff.ts";
