/** Evaluation of the claims engine (placeholder until its issue lands). */
export async function evaluate(): Promise<string> {
  return 'claims: no evaluation yet';
}
