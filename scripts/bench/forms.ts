// What a browser without JavaScript does with a form, for the HTTP benchmarks: read the fields of the
// form that contains a marker (hidden inputs, the chosen radio/checkbox/option, textareas), post
// them as multipart form data with the session cookie, and sign in through the real sign-in form.
type Field = { name: string; value: string };

const decode = (s: string) =>
  s
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
const attr = (tag: string, name: string) => {
  const m = new RegExp(`\\s${name.replace(/[$]/g, "\\$")}="([^"]*)"`).exec(tag);
  return m ? decode(m[1]!) : null;
};

/** The fields a browser would submit for the form that contains `marker` (hidden inputs included). */
export function formFields(html: string, marker: string): Field[] {
  const forms = html
    .split(/<form\b/)
    .slice(1)
    .map((f) => f.slice(0, f.indexOf("</form>")));
  const form = forms.find((f) => f.includes(marker));
  if (!form) throw new Error(`no form containing ${marker}`);
  const fields: Field[] = [];
  for (const m of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attr(m[0], "name");
    const type = attr(m[0], "type") ?? "text";
    if (!name || type === "submit" || ((type === "radio" || type === "checkbox") && !/\schecked=""/.test(m[0]))) continue;
    fields.push({ name, value: attr(m[0], "value") ?? "" });
  }
  for (const m of form.matchAll(/<textarea\b([^>]*)>([^<]*)<\/textarea>/g)) {
    const name = attr(m[1]!, "name");
    if (name) fields.push({ name, value: decode(m[2]!) });
  }
  for (const m of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attr(m[1]!, "name");
    const selected = /<option\b[^>]*\svalue="([^"]*)"[^>]*\sselected=""/.exec(m[2]!) ?? /<option\b[^>]*\svalue="([^"]*)"/.exec(m[2]!);
    if (name && selected) fields.push({ name, value: decode(selected[1]!) });
  }
  return fields;
}

/** `fields` with the named ones replaced (or added). */
export function withValues(fields: Field[], values: Record<string, string>): Field[] {
  const out = fields.map((f) => (f.name in values ? { ...f, value: values[f.name]! } : f));
  for (const [name, value] of Object.entries(values)) if (!out.some((f) => f.name === name)) out.push({ name, value });
  return out;
}

export async function postForm(url: string, fields: Field[], cookie?: string) {
  const body = new FormData();
  for (const f of fields) body.append(f.name, f.value);
  const res = await fetch(url, {
    method: "POST",
    body,
    redirect: "manual",
    headers: { ...(cookie ? { cookie } : {}), origin: new URL(url).origin },
  });
  return { status: res.status, html: await res.text(), setCookie: res.headers.getSetCookie(), location: res.headers.get("location") };
}

/** Signs in through the site's own sign-in form (a plain form post); returns the Cookie header. */
export async function signInThroughForm(base: string, email: string, password: string): Promise<string> {
  const page = await (await fetch(`${base}/sign-in`)).text();
  const fields = withValues(formFields(page, 'name="password"'), { email, password });
  const res = await postForm(`${base}/sign-in`, fields);
  const cookie = res.setCookie
    .map((c) => c.split(";")[0])
    .filter((c) => c?.startsWith("csc.session_token=") && !c.endsWith("="))
    .join("; ");
  if (!cookie) throw new Error(`signing in through ${base}/sign-in gave no session cookie (status ${res.status})`);
  return cookie;
}
