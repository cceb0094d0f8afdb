/** DI tokens of the read side (STYLE §18). */
export const READ_MODEL_QUERIES = Symbol('READ_MODEL_QUERIES');
export const READ_MODEL_STORE = Symbol('READ_MODEL_STORE');
