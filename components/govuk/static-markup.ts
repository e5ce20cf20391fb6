// Server-only React elements written as HTML, in the React Server Components layer, where
// react-dom/server cannot be imported (decision 0034). The output is what react-dom/server's
// renderToStaticMarkup writes for the same elements, byte for byte: tests/unit/static-markup.test.ts
// checks each rule against React, and tests/integration/published-markup-twin.test.ts every published
// part of every LA's dashboard.
//
// It knows only what the published parts of the pages use: plain (synchronous) function components,
// fragments, text, and a list of HTML and SVG elements with React's attribute rules (React 19's
// `pushAttribute`). Anything else — a client component, an async component, a form control, `style`,
// a tag React treats specially (title outside SVG, img, link, script…) — throws, so a section that
// grows one is caught by the tests rather than written differently from React.
import type { ReactNode } from "react";
import { escapeHtml } from "@/lib/core/html-escape";

const ELEMENT = Symbol.for("react.transitional.element");
const LEGACY_ELEMENT = Symbol.for("react.element");
const FRAGMENT = Symbol.for("react.fragment");

/** Elements written as React's generic element: `<tag attributes>children</tag>`. */
const HTML_ELEMENTS = new Set(
  (
    "a abbr article aside b blockquote caption cite code dd del details dfn div dl dt em figcaption figure footer h1 h2 h3 h4 h5 h6 " +
    "header i ins kbd li main mark nav ol p q s section small span strong sub summary sup table tbody td tfoot th thead time tr u ul"
  ).split(" "),
);
/** Inside `<svg>`; `title` there is an SVG title (outside it, React moves a title to the document head). */
const SVG_ELEMENTS = new Set("circle defs desc ellipse g line path polygon polyline rect svg text title tspan".split(" "));
/** Void elements React writes as `<br/>`. */
const VOID_ELEMENTS = new Set(["br", "col", "hr", "wbr"]);

/** React's aliases (react-dom's `getAttributeAlias`): the attribute names that differ from the prop. */
const ALIASES = new Map<string, string>([
  ["acceptCharset", "accept-charset"],
  ["htmlFor", "for"],
  ["httpEquiv", "http-equiv"],
  ["crossOrigin", "crossorigin"],
  ["xmlnsXlink", "xmlns:xlink"],
  ["panose-1", "panose-1"],
  ...(
    "accentHeight alignmentBaseline arabicForm baselineShift capHeight clipPath clipRule colorInterpolation " +
    "colorInterpolationFilters colorProfile colorRendering dominantBaseline enableBackground fillOpacity fillRule floodColor " +
    "floodOpacity fontFamily fontSize fontSizeAdjust fontStretch fontStyle fontVariant fontWeight glyphName " +
    "glyphOrientationHorizontal glyphOrientationVertical horizAdvX horizOriginX imageRendering letterSpacing lightingColor " +
    "markerEnd markerMid markerStart maskType overlinePosition overlineThickness paintOrder pointerEvents renderingIntent " +
    "shapeRendering stopColor stopOpacity strikethroughPosition strikethroughThickness strokeDasharray strokeDashoffset " +
    "strokeLinecap strokeLinejoin strokeMiterlimit strokeOpacity strokeWidth textAnchor textDecoration textRendering " +
    "transformOrigin underlinePosition underlineThickness unicodeBidi unicodeRange unitsPerEm vAlphabetic vHanging " +
    "vIdeographic vMathematical vectorEffect vertAdvY vertOriginX vertOriginY wordSpacing writingMode xHeight"
  )
    .split(" ")
    .map((name) => [name, name.replace(/([A-Z])/g, "-$1").toLowerCase()] as [string, string]),
]);
const XML_NAMESPACED: Record<string, string> = {
  xlinkActuate: "xlink:actuate",
  xlinkArcrole: "xlink:arcrole",
  xlinkRole: "xlink:role",
  xlinkShow: "xlink:show",
  xlinkTitle: "xlink:title",
  xlinkType: "xlink:type",
  xmlBase: "xml:base",
  xmlLang: "xml:lang",
  xmlSpace: "xml:space",
};
/** Written `name=""` when truthy, left out otherwise. */
const BOOLEAN = new Set(
  (
    "inert allowFullScreen async autoPlay controls credentialless default defer disabled disablePictureInPicture " +
    "disableRemotePlayback formNoValidate hidden loop noModule noValidate open playsInline readOnly required reversed " +
    "scoped seamless itemScope"
  ).split(" "),
);
/** Written as the value's text, booleans included ("true", "false"). */
const BOOLEANISH = new Set(
  "contentEditable spellCheck draggable value autoReverse externalResourcesRequired focusable preserveAlpha".split(" "),
);
const NOT_WRITTEN = new Set([
  "defaultValue",
  "defaultChecked",
  "innerHTML",
  "suppressContentEditableWarning",
  "suppressHydrationWarning",
  "ref",
]);
const SAFE_NAME = /^[A-Za-z_:][A-Za-z0-9_:.-]*$/;
// React's test for a javascript: URL (it writes a throwing URL instead); refused here.
const JAVASCRIPT_URL =
  /^[\u0000-\u001F ]*j[\r\n\t]*a[\r\n\t]*v[\r\n\t]*a[\r\n\t]*s[\r\n\t]*c[\r\n\t]*r[\r\n\t]*i[\r\n\t]*p[\r\n\t]*t[\r\n\t]*:/i;

class StaticMarkupError extends Error {
  constructor(what: string) {
    super(`Cannot write this as static markup: ${what}. Render it with React instead.`);
    this.name = "StaticMarkupError";
  }
}

const isSkipped = (value: unknown) => typeof value === "function" || typeof value === "symbol";
const text = (value: unknown) => escapeHtml(String(value));

/** One attribute as React writes it, with its leading space; "" when React leaves it out. */
function attribute(tag: string, name: string, value: unknown): string {
  if (value == null || NOT_WRITTEN.has(name)) return "";
  switch (name) {
    case "className":
      return isSkipped(value) || typeof value === "boolean" ? "" : ` class="${text(value)}"`;
    case "tabIndex":
      return isSkipped(value) || typeof value === "boolean" ? "" : ` tabindex="${text(value)}"`;
    case "style":
      throw new StaticMarkupError(`a style attribute on <${tag}>`);
    case "action":
    case "formAction":
      throw new StaticMarkupError(`a form action on <${tag}>`);
    case "href":
    case "src":
    case "xlinkHref": {
      if (isSkipped(value) || typeof value === "boolean") return "";
      if (value === "" && name !== "xlinkHref") return tag === "a" && name === "href" ? ' href=""' : "";
      if (JAVASCRIPT_URL.test(String(value))) throw new StaticMarkupError(`a javascript: URL on <${tag}>`);
      return ` ${name === "xlinkHref" ? "xlink:href" : name}="${text(value)}"`;
    }
    case "autoFocus":
    case "multiple":
    case "muted":
      return value && !isSkipped(value) ? ` ${name.toLowerCase()}=""` : "";
    case "capture":
    case "download":
      if (value === true) return ` ${name}=""`;
      return value === false || isSkipped(value) ? "" : ` ${name}="${text(value)}"`;
    case "cols":
    case "rows":
    case "size":
    case "span":
      return isSkipped(value) || isNaN(value as number) || !((value as number) >= 1) ? "" : ` ${name}="${text(value)}"`;
    case "rowSpan":
    case "start":
      return isSkipped(value) || isNaN(value as number) ? "" : ` ${name}="${text(value)}"`;
  }
  if (BOOLEAN.has(name)) return value && !isSkipped(value) ? ` ${name}=""` : "";
  if (BOOLEANISH.has(name)) return isSkipped(value) ? "" : ` ${name}="${text(value)}"`;
  if (XML_NAMESPACED[name]) return isSkipped(value) || typeof value === "boolean" ? "" : ` ${XML_NAMESPACED[name]}="${text(value)}"`;
  if (name.length > 2 && /^on/i.test(name)) throw new StaticMarkupError(`an event handler (${name}) on <${tag}>`);
  const attributeName = ALIASES.get(name) ?? name;
  if (!SAFE_NAME.test(attributeName)) throw new StaticMarkupError(`the attribute name "${name}" on <${tag}>`);
  if (isSkipped(value)) return "";
  if (typeof value === "boolean") {
    const prefix = attributeName.toLowerCase().slice(0, 5);
    if (prefix !== "data-" && prefix !== "aria-") return "";
  }
  return ` ${attributeName}="${text(value)}"`;
}

type Props = Record<string, unknown> & { children?: ReactNode; dangerouslySetInnerHTML?: { __html?: unknown } };

function writeElement(tag: string, props: Props, out: string[], inSvg: boolean): void {
  const svg = inSvg || tag === "svg";
  if (!(svg ? SVG_ELEMENTS.has(tag) || HTML_ELEMENTS.has(tag) : HTML_ELEMENTS.has(tag) || VOID_ELEMENTS.has(tag)))
    throw new StaticMarkupError(`<${tag}>${svg ? " inside <svg>" : ""}`);
  let attributes = "";
  for (const name in props) {
    if (!Object.prototype.hasOwnProperty.call(props, name) || name === "children" || name === "dangerouslySetInnerHTML") continue;
    attributes += attribute(tag, name, props[name]);
  }
  const { children, dangerouslySetInnerHTML: inner } = props;
  if (VOID_ELEMENTS.has(tag)) {
    if (children != null || inner != null) throw new StaticMarkupError(`children of the void element <${tag}>`);
    out.push(`<${tag}${attributes}/>`);
    return;
  }
  out.push(`<${tag}${attributes}>`);
  if (tag === "title") {
    // React writes a title's one text child only (an array of two or more writes nothing): refused unless it is one text
    const only = Array.isArray(children) ? (children.length < 2 ? children[0] : undefined) : children;
    if (inner != null || (typeof only !== "string" && typeof only !== "number"))
      throw new StaticMarkupError("a <title> whose content is not one string or number");
    out.push(`${text(only)}</title>`);
    return;
  }
  if (inner != null) {
    if (children != null) throw new StaticMarkupError(`both children and dangerouslySetInnerHTML on <${tag}>`);
    if (typeof inner !== "object" || !("__html" in inner))
      throw new StaticMarkupError(`dangerouslySetInnerHTML without __html on <${tag}>`);
    if (inner.__html != null) out.push(String(inner.__html));
  } else write(children, out, svg);
  out.push(`</${tag}>`);
}

function write(node: unknown, out: string[], inSvg: boolean): void {
  if (node == null || typeof node === "boolean") return;
  if (typeof node === "string") {
    out.push(escapeHtml(node));
    return;
  }
  if (typeof node === "number" || typeof node === "bigint") {
    out.push(String(node));
    return;
  }
  if (Array.isArray(node)) {
    for (const child of node) write(child, out, inSvg);
    return;
  }
  if (
    typeof node === "object" &&
    ((node as { $$typeof?: symbol }).$$typeof === ELEMENT || (node as { $$typeof?: symbol }).$$typeof === LEGACY_ELEMENT)
  ) {
    const { type, props } = node as { type: unknown; props: Props };
    if (type === FRAGMENT) return write(props.children, out, inSvg);
    if (typeof type === "string") return writeElement(type, props, out, inSvg);
    if (typeof type === "function") {
      const component = type as ((props: Props) => unknown) & { $$typeof?: symbol; prototype?: { isReactComponent?: unknown } };
      const name = (type as { displayName?: string; name?: string }).displayName ?? type.name ?? "anonymous";
      if (component.$$typeof !== undefined) throw new StaticMarkupError(`the client component <${name}>`);
      if (component.prototype?.isReactComponent) throw new StaticMarkupError(`the class component <${name}>`);
      const result = component(props);
      if (result && typeof (result as { then?: unknown }).then === "function") throw new StaticMarkupError(`the async component <${name}>`);
      return write(result, out, inSvg);
    }
    throw new StaticMarkupError(`an element of type ${String((type as { $$typeof?: symbol })?.$$typeof ?? type)}`);
  }
  throw new StaticMarkupError(`a ${typeof node} child (${Object.prototype.toString.call(node)})`);
}

/** The HTML react-dom/server's renderToStaticMarkup writes for `node`; throws for anything outside its rules (above). */
export function staticMarkup(node: ReactNode): string {
  const out: string[] = [];
  write(node, out, false);
  return out.join("");
}
