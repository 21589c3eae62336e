import { sourceParts } from "./source-parts.ts";

/** A figure's source as text, its web addresses as links (see `source-parts.ts`). */
export const SourceText = ({ source }: { readonly source: string }) => (
  <>
    {sourceParts(source).map((part, i) =>
      "href" in part ? (
        <a key={i} href={part.href} rel="noopener noreferrer">
          {part.text}
        </a>
      ) : (
        <span key={i}>{part.text}</span>
      ),
    )}
  </>
);
