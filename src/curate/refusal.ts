/** Why an edit is refused, naming the input field at fault: the API answers BAD_USER_INPUT (or CONFLICT). */
export class EditRefusal extends Error {
  constructor(
    /** The input field at fault, as a path: "evidence[1].quote". */
    readonly field: string,
    message: string,
    readonly code: 'BAD_USER_INPUT' | 'CONFLICT' | 'NOT_FOUND' = 'BAD_USER_INPUT',
  ) {
    super(`${field}: ${message}`);
    this.name = 'EditRefusal';
  }
}

export function refuseIf(problem: string | null | undefined, field: string): void {
  if (problem) throw new EditRefusal(field, problem);
}
