/** How sure a statement is, as the fact sheet marks it; shared by the schema, the MDX checks and <Claim>. */
export const CLAIM_STATUSES = ['confirmed', 'reported', 'claim', 'conflict', 'unsure'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];
