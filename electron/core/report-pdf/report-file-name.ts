/** The county or contest name as it goes into a downloaded report's file name ("Tally County" -> "tally-county"). */
export function reportFileSlug(text: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'county'
  );
}
