/**
 * Mermaid's own parser, for the tests that check the charts the issues carry would draw. Mermaid sanitises with
 * DOMPurify, which needs a DOM: a jsdom window stands in for the browser GitHub draws the chart in.
 */
import { JSDOM } from 'jsdom';

let parser: ((text: string) => Promise<unknown>) | undefined;

export async function parseMermaid(text: string): Promise<{ diagramType: string }> {
  if (!parser) {
    const { window } = new JSDOM('');
    Object.assign(globalThis, { window, document: window.document });
    const mermaid = (await import('mermaid')).default;
    parser = (t) => mermaid.parse(t);
  }
  return (await parser(text)) as { diagramType: string };
}

/** The source of every ```mermaid block of a Markdown text. */
export function mermaidBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^```mermaid\n([\s\S]*?)\n```$/gm)].map((m) => m[1]!);
}
