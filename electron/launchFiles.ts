/**
 * Which files the user asked the app to open when starting it: `coarchitect path/to/file.coarchitect.json`, a
 * double click or "Open with" (the OS starts the app with the file on its command line; macOS sends
 * 'open-file' instead), or a second launch, whose command line reaches the running instance.
 *
 * Only `.json` arguments are taken as files (Coarchitect files end in `.coarchitect.json`): the command line
 * also holds the executable, the app folder or main script when run unpackaged, and switches Chromium and
 * Playwright add, none of which may ever be read as a document.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** At most this many files are taken from one command line; more is not a user double-clicking. */
export const MAX_LAUNCH_FILES = 20;

function isDocumentName(name: string): boolean {
  return /\.json$/i.test(name);
}

/** The absolute paths of the documents on a command line, in order and without repeats. */
export function filesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  const files: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg === '' || arg.startsWith('-')) continue;
    let candidate: string;
    if (/^file:\/\//i.test(arg)) {
      // Linux desktop entries pass %U, which file managers fill with file:// URLs.
      try {
        candidate = fileURLToPath(arg);
      } catch {
        continue;
      }
    } else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(arg)) {
      continue; // some other URL: never a local file
    } else {
      candidate = path.resolve(workingDirectory, arg);
    }
    if (!isDocumentName(candidate) || candidate.includes('\0')) continue;
    if (!files.includes(candidate)) files.push(candidate);
    if (files.length === MAX_LAUNCH_FILES) break;
  }
  return files;
}

/**
 * What a second launch hands to the running instance besides its command line
 * (`app.requestSingleInstanceLock(data)`): its documents, already resolved against its own working folder.
 * Checked on arrival like any other input.
 */
export const LaunchDataSchema = z.strictObject({
  files: z
    .array(
      z
        .string()
        .min(1)
        .max(4096)
        .refine((p) => path.isAbsolute(p) && isDocumentName(p) && !p.includes('\0')),
    )
    .max(MAX_LAUNCH_FILES),
});
export type LaunchData = z.infer<typeof LaunchDataSchema>;

/** The files of a second launch: from its launch data when valid, else parsed from its command line. */
export function filesFromSecondInstance(
  argv: readonly string[],
  workingDirectory: string,
  additionalData: unknown,
): string[] {
  const data = LaunchDataSchema.safeParse(additionalData);
  return data.success ? data.data.files : filesFromArgv(argv, workingDirectory);
}
