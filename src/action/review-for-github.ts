// What the GitHub side (Action and `lkml-replay github`) needs from a review: the rendered
// report, the counts it publishes as outputs, and annotations on the lines of the reviewed
// files. The review stage fills this in; the GitHub side never looks inside the model.

export type AnnotationLevel = 'notice' | 'warning' | 'failure';

/** A check-run annotation on a line range of a file in the pull request. */
export interface ReviewAnnotation {
  /** Path in the repository (the .patch/.mbox file, or the kernel file of the PR's own diff). */
  path: string;
  startLine: number;
  endLine: number;
  level: AnnotationLevel;
  title: string;
  message: string;
}

export interface ReviewForGitHub {
  /** The markdown report (job summary and PR comment body). */
  markdown: string;
  /** The JSON report, as written to the `report` output's file. */
  json: string;
  variants: number;
  /** Variants replayed through the model: 0 means the review checked nothing. */
  replayed: number;
  /** Scenario runs (variant x scenario) that behave differently from the baseline. */
  differences: number;
  /** Of those, the ones that regress. */
  regressions: number;
  /** What was not replayed, one sentence each (report/replay-notice.ts); empty when all was. */
  notice: string[];
  annotations: ReviewAnnotation[];
  /** True when the review meets the `fail-on` threshold: the check concludes `failure`. */
  failOnMet: boolean;
}
