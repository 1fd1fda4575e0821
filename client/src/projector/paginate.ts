// Splits rows of known heights into pages of `columns` columns that each fit `available` pixels.
// Pure, so the projector's paging is tested without a browser.

/** A page: its columns, each a list of row indices in order. */
export type Page = readonly (readonly number[])[];

export function paginate(heights: readonly number[], available: number, columns = 1): Page[] {
  const pages: number[][][] = [];
  let page: number[][] = [[]];
  let used = 0;
  heights.forEach((height, index) => {
    let column = page[page.length - 1] ?? [];
    // A column holds at least one row, even one taller than the space (it is clipped, never lost).
    if (column.length > 0 && used + height > available) {
      if (page.length < columns) {
        column = [];
        page.push(column);
      } else {
        pages.push(page);
        column = [];
        page = [column];
      }
      used = 0;
    }
    column.push(index);
    used += height;
  });
  if ((page[0]?.length ?? 0) > 0) pages.push(page);
  return pages;
}
