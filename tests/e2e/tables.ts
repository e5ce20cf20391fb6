// Reading a table twin and its CSV download the way a person gets them: shared by the dashboard specs.
import fs from "node:fs";
import type { Locator, Page } from "@playwright/test";

/** The text a table cell stands for, as its CSV has it: visually-hidden and aria-hidden text left out. */
export async function tableRows(table: Locator): Promise<string[][]> {
  return table.evaluate((el) =>
    [...el.querySelectorAll("tbody tr")].map((tr) =>
      [...tr.querySelectorAll("th, td")].map((cell) => {
        const copy = cell.cloneNode(true) as HTMLElement;
        copy.querySelectorAll(".govuk-visually-hidden, [aria-hidden=true]").forEach((n) => n.remove());
        return (copy.textContent ?? "").trim();
      }),
    ),
  );
}

export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\r") continue;
    else if (ch === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
    } else field += ch;
  }
  return rows;
}

export async function download(page: Page, link: Locator): Promise<string[][]> {
  const [file] = await Promise.all([page.waitForEvent("download"), link.click()]);
  const path = await file.path();
  return parseCsv(fs.readFileSync(path, "utf8"));
}
