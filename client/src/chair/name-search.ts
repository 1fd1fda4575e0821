// Finding a member by name on a laptop keyboard: "nguyen van an" finds "Nguyễn Văn An". Vietnamese
// marks and case are ignored, and đ is read as d, as people type names without an IME.

/** A name as it is compared: lower case, without diacritics, đ as d, spaces collapsed. */
export function foldName(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Whether a member matches what was typed (in their name, position or group); everyone for ''. */
export function matchesQuery(
  member: { readonly name: string; readonly position: string; readonly group: string },
  query: string,
): boolean {
  const q = foldName(query);
  if (!q) return true;
  return [member.name, member.position, member.group].some((field) => foldName(field).includes(q));
}
