/** Recognizes a typed error however it arrived (thrown here, rebuilt from the wire, or flattened by Electron). */
import { errorCodes, LabError } from '../../../shared/contract/errors';
import type { ErrorCode } from '../../../shared/contract/errors';

function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}

/** Turns anything thrown into a `LabError`; what is not one becomes `internal` (a bug). */
export function asLabError(reason: unknown): LabError {
  if (reason instanceof LabError) return reason;
  if (typeof reason === 'object' && reason !== null && 'code' in reason && isErrorCode(reason.code)) {
    const message = 'message' in reason && typeof reason.message === 'string' ? reason.message : '';
    return new LabError(reason.code, message);
  }
  const message = reason instanceof Error ? reason.message : String(reason);
  return new LabError('internal', message);
}
