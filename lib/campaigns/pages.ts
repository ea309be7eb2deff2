/** Page sizes of the campaign list and of a campaign's recipients (the server render and "Load more" agree). */
export const CAMPAIGN_PAGE = 25;
export const RECIPIENT_PAGE = 50;
