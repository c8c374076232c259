// `npm run --silent sim -- --verify <code-or-file>` (contracts.md §5c): verifies one code, or every code in
// a file (one per line; blank lines and text around the codes are ignored), and prints
// `{ "results": [ … ] }`. Exit 0 when every code is verified, 2 otherwise (the JSON still lists every
// code). The command line passes in how to read a file, so this module stays free of Node's APIs.
import { findCodes } from './resultCode';
import { CodeVerifier, type Verification } from './verify';

export interface VerifyCommandOutcome {
  exitCode: 0 | 2;
  stdout: { results: Verification[] } | { ok: false; errors: { path: string; message: string; code: string }[] };
  stderr: string[];
}

/**
 * `readText(path)` returns the file's text, or null when there is no such file. An argument that is a
 * file is read; otherwise the argument itself is searched for codes.
 */
export function verifyCommand(argument: string, readText: (path: string) => string | null, verifier = new CodeVerifier()): VerifyCommandOutcome {
  const fromFile = argument.startsWith('KC1-') ? null : readText(argument);
  const codes = findCodes(fromFile ?? argument);
  if (codes.length === 0) {
    const message =
      fromFile === null
        ? `--verify takes a result code (KC1-…) or a file of codes; "${argument.slice(0, 60)}" is neither.`
        : `The file "${argument}" holds no result code (KC1-…).`;
    return {
      exitCode: 2,
      stdout: { ok: false, errors: [{ path: '--verify', message, code: fromFile === null ? 'not-found' : 'no-codes' }] },
      stderr: [`--verify: ${message}`],
    };
  }
  const results = verifier.verifyAll(codes);
  const stderr = results.flatMap((result, index) =>
    result.status === 'verified' ? [] : [`code ${index + 1} (${result.code.slice(0, 16)}…): ${result.status}${result.reason ? `: ${result.reason.message}` : ''}`],
  );
  return { exitCode: stderr.length === 0 ? 0 : 2, stdout: { results }, stderr };
}
