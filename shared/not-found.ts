import { UserFacingError } from './errors.ts';

/** The record was deleted elsewhere (another window, the CLI) or the id is wrong. */
export function notFound(what: string, id: number): UserFacingError {
  return new UserFacingError('not-found', `找不到${what}（编号 ${id}），它可能已被删除。请返回列表刷新后再试。`);
}

export function orNotFound<T>(value: T | undefined, what: string, id: number): T {
  if (value === undefined) throw notFound(what, id);
  return value;
}
