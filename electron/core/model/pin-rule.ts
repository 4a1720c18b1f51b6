/** The PIN format, with no Node imports: the API schemas and the renderer's forms both read it. */
export const PIN_PATTERN = /^\d{4,12}$/;
export const PIN_RULE = 'A PIN is 4 to 12 digits.';
