import { readFileSync } from "node:fs";
import { extractText, getDocumentProxy } from "unpdf";
const { totalPages, text } = await extractText(await getDocumentProxy(new Uint8Array(readFileSync("/tmp/pack18.pdf"))), { mergePages: false });
console.log(totalPages); text.forEach((t, i) => console.log(`--- page ${i + 1}\n${t.slice(0, 300)}`));
