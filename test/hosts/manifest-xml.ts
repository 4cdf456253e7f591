/** Reading the add-in manifest as plain objects (fast-xml-parser): elements, attributes, texts and every URL. */
import { XMLParser } from 'fast-xml-parser';

export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlValue[];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  parseAttributeValue: false,
  parseTagValue: false,
  trimValues: true,
});

export function parse(xml: string): XmlNode {
  return parser.parse(xml) as XmlNode;
}

export const asList = (value: XmlValue | undefined): XmlValue[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

export function isNode(value: XmlValue | undefined): value is XmlNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every element named `name` anywhere under `node`. */
export function elements(node: XmlValue, name: string): XmlNode[] {
  const found: XmlNode[] = [];
  const visit = (value: XmlValue): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith('@_')) continue;
      if (key === name) for (const item of asList(child)) if (isNode(item)) found.push(item);
      visit(child);
    }
  };
  visit(node);
  return found;
}

/** Every attribute value named `attr` anywhere under `node`. */
export function attributes(node: XmlValue, attr: string): string[] {
  const found: string[] = [];
  const visit = (value: XmlValue): void => {
    if (Array.isArray(value)) return value.forEach(visit);
    if (!isNode(value)) return;
    for (const [key, child] of Object.entries(value)) {
      if (key === `@_${attr}` && typeof child === 'string') found.push(child);
      else visit(child);
    }
  };
  visit(node);
  return found;
}

/** Every attribute value and element text that is a URL (namespace declarations aside). */
export function urls(node: XmlValue): string[] {
  const found: string[] = [];
  const visit = (value: XmlValue, key = ''): void => {
    if (Array.isArray(value)) return value.forEach((v) => visit(v, key));
    if (typeof value === 'string') {
      if (!key.startsWith('@_xmlns') && /^[a-z][a-z0-9+.-]*:\/\//i.test(value.trim())) found.push(value.trim());
      return;
    }
    for (const [childKey, child] of Object.entries(value)) visit(child, childKey);
  };
  visit(node);
  return found;
}

export function attr(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[`@_${name}`];
  return typeof value === 'string' ? value : undefined;
}

export function child(node: XmlNode | undefined, name: string): XmlNode | undefined {
  const value = node?.[name];
  const first = asList(value)[0];
  return isNode(first) ? first : undefined;
}

export function text(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Width and height of a PNG file, from its IHDR chunk. */
