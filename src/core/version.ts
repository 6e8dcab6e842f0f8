/**
 * The pipeline version stamped on every Reading. Bump the minor for new fields or better scores, the
 * major when a contract field changes meaning (and say so in CHANGELOG.md). Stored readings older
 * than this are re-read by `attune reread`.
 */
export const PIPELINE_VERSION = "1.7.0";
