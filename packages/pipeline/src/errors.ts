/** A file the run needs (CA bundle, rubric, overrides, previous results) is missing or malformed. */
export class PipelineConfigError extends Error {
  override name = 'PipelineConfigError';
}
