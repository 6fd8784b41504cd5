import type { ReactNode } from "react";

/**
 * The chapter page's frame: a header row, an optional notice, the text, and a sidebar beside it
 * (below it on a phone) for comments and check-back.
 */
export function ChapterLayout({
  header,
  notice,
  main,
  sidebar,
  sidebarLabel,
}: {
  header: ReactNode;
  notice?: ReactNode;
  main: ReactNode;
  sidebar?: ReactNode;
  sidebarLabel?: string;
}) {
  return (
    <div className="space-y-4">
      {header}
      {notice}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">{main}</div>
        {sidebar ? (
          <aside
            className="min-w-0 space-y-6"
            aria-label={sidebarLabel}
            data-testid="chapter-sidebar"
          >
            {sidebar}
          </aside>
        ) : null}
      </div>
    </div>
  );
}
