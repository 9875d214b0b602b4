/** Evaluation of the dates engine (placeholder until its issue lands). */
export async function evaluate(): Promise<string> {
  return 'dates: no evaluation yet';
}
