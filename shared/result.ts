/** What every API call answers: the value, or an error the renderer can show as it is. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface ApiError {
  /** Stable, kebab-case: `invalid-input`, `not-found`, `pdf-needs-password`, `internal` … */
  code: string;
  /** Chinese, saying what is wrong and what to do. */
  message: string;
  /**
   * The input field the error is about, as a dotted path without the channel's wrapper (`contract.serviceTo`,
   * `costs.0.paidOn`, `name`), so the window can show the message at that field.
   */
  field?: string;
}
