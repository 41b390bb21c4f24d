export default function OpportunityPage() {
  return null;
}
