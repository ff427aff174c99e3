/** What the app hands every view. */
export type ViewProps = {
  /** On top of the stack with no overlay open: the view owns the keyboard. */
  readonly active: boolean;
  /** Lines the view may use. */
  readonly height: number;
  readonly width: number;
};
