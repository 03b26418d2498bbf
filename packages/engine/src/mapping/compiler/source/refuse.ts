/** Thrown when a subtree cannot be generated and cannot be handed to its closure either. */
export class Refuse extends Error {}
