/** Password length limits, shared by the forms (zod) and Better Auth's own check. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 128;
