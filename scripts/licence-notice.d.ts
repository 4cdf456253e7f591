/** Types of licence-notice.js (plain JavaScript, so the webpack config can import it). */

/** A bundled third-party package: from its package.json, and its licence file's text when it ships one. */
export interface BundledPackage {
  readonly name: string;
  readonly version: string;
  readonly licence: string;
  readonly text: string | undefined;
  /** Its package.json `repository` address, named in the notice when the package ships no licence file. */
  readonly repository: string | undefined;
}

/** The package a bundled file comes from: the directory after its last `node_modules/`, and that name. */
export function packageOf(file: string): { dir: string; name: string } | undefined;
/** Every package that bundled files come from, sorted by name. */
export function packagesOf(files: Iterable<string>): BundledPackage[];
/** The notice: a `/*!` comment, safe inside an inline <script>. */
export function licenceNotice(packages: readonly BundledPackage[]): string;
