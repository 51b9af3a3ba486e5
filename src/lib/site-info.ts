/** The site's name and one-line description, for the head, social cards and citations. */
export const SITE_NAME = 'Orbital Compute Atlas';
export const SITE_TAGLINE = 'A cited guide to OpenAI’s rocket talks, space data centres and the Altman–Musk rivalry';
/** When this build ran: the date of access a citation gives in the HTML (the script puts today's in its place). */
export const BUILD_DATE = new Date();
