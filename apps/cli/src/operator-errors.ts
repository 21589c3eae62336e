import {
  BackupFolderForbidden,
  BackupNotWritten,
  DataDirLocked,
  DataDirUnusable,
  FolderNotEmpty,
  NotABackup,
} from "@envol/db";
import { PluginOptionsInvalid, RegistryInvalid } from "@envol/domain";

/**
 * The problems an operator fixes on their side (a directory in use, a folder not empty, an
 * institution configuration that names an unknown scheme): one line on stderr, not a stack.
 */
const OPERATOR_ERRORS = [
  DataDirLocked,
  DataDirUnusable,
  FolderNotEmpty,
  NotABackup,
  BackupFolderForbidden,
  BackupNotWritten,
  PluginOptionsInvalid,
  RegistryInvalid,
];

export const isOperatorError = (e: unknown): e is Error =>
  OPERATOR_ERRORS.some((kind) => e instanceof kind);
