/**
 * The inspection's version: stored findings are used only at the version that made them. Raise it whenever the
 * inspection would find something else on the same file (a new finding, a changed threshold or model).
 */
export const INSPECTION_VERSION = 5;
