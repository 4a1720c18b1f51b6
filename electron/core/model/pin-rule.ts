/** The PIN format, with no Node imports: the API schemas and the renderer's forms both read it. */
export const PIN_PATTERN = /^\d{4,12}$/;
export const PIN_RULE = 'A PIN is 4 to 12 digits.';
/** A chair's PIN certifies results: six digits at least, a million guesses offline instead of ten thousand. */
export const CHAIR_PIN_PATTERN = /^\d{6,12}$/;
export const CHAIR_PIN_RULE = 'A chair’s PIN is 6 to 12 digits.';
