/**
 * The version written into results.json as tool.version. A constant, not a read of package.json at run time: the
 * Action runs as a single bundled file with no package.json beside it. version.test.ts keeps the two equal.
 */
export const TOOL_VERSION = '0.1.0';
