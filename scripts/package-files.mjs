// What the .vsix may contain (paths inside the extension folder). Used by `npm run package`
// (scripts/package.mjs refuses a package with anything else) and by test/packaging/vsix.test.ts
// over `vsce ls`: no sources, tests, node_modules or source maps — the bundles in dist/ and the
// assets the manifest and README point at.
/**
 * The README the .vsix shows (the extension view's page): the user page, Chinese then English.
 * vsce packs it as readme.md (`--readme-path`); the repository's README.md is the developer's and
 * is not shipped.
 */
export const VSIX_README = 'README.vsix.md';

export const SHIPPABLE = [
  /^README\.vsix\.md$/,
  /^package\.json$/,
  /^package\.nls(\.[a-z]{2}(-[a-z]+)?)?\.json$/,
  // vsce stores these as readme.md, changelog.md and LICENSE.txt inside the .vsix
  /^(README|readme)\.md$/,
  /^(CHANGELOG|changelog)\.md$/,
  /^LICENSE(\.txt)?$/,
  /^language-configuration\.json$/,
  /^dist\/(client|server|cli)\.js$/,
  /^docs\/(rules\/)?[a-zA-Z-]+\.md$/,
  /^images\/(icon|screenshot-[a-z0-9-]+)\.png$/,
  /^syntaxes\/[a-z0-9-]+\.tmLanguage\.json$/,
  /^snippets\/[a-z0-9-]+\.code-snippets$/,
  /^l10n\/bundle\.l10n(\.[a-z]{2}(-[a-z]+)?)?\.json$/,
];

/** The paths (relative to the extension folder, `/`-separated) that are not on the list. */
export function unexpectedFiles(files) {
  return files.filter((f) => !SHIPPABLE.some((re) => re.test(f)));
}
