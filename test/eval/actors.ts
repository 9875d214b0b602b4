/** Evaluation of the actors engine (placeholder until its issue lands). */
export async function evaluate(): Promise<string> {
  return 'actors: no evaluation yet';
}
