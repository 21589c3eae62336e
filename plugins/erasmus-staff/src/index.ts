export { erasmusStaff } from "./erasmus-staff.ts";
