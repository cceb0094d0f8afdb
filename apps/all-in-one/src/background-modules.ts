/** The workers composed into the all-in-one process, each also runnable alone. */
export const BACKGROUND_MODULES = [] as const;
