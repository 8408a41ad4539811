/** The API's one error type: a stable `code` and strace's message text. */

/**
 * `code`: `'EINVAL_FILTER'` (a bad `-e` expression), `'EINVAL'` (another bad option), an errno name
 * for what the system refused (`'ENOENT'`: no such command; `'EPERM'`, `'ESRCH'`: attaching), or
 * `'EINTERNAL'` (a fault in sysray itself). `message` is what the sysray command would print after
 * `sysray: `.
 */
export class SysrayError extends Error {
  override readonly name = 'SysrayError';
  constructor(readonly code: string, message: string) {
    super(message);
  }
}
