import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { changedSpan } from "@/lib/board/text-span";

describe("changedSpan", () => {
  it("finds an insertion, a deletion and a replacement in the middle", () => {
    expect(changedSpan({ before: "Sprachcafé", after: "Sprachcafé am Hafen" })).toEqual({
      start: 10,
      deleteCount: 0,
      insert: " am Hafen",
    });
    expect(changedSpan({ before: "Lotsen für alle", after: "Lotsen alle" })).toEqual({
      start: 7,
      deleteCount: 4,
      insert: "",
    });
    expect(changedSpan({ before: "Kita Nord", after: "Kita Süd" })).toEqual({
      start: 5,
      deleteCount: 3,
      insert: "Sü",
    });
    expect(changedSpan({ before: "gleich", after: "gleich" })).toEqual({
      start: 6,
      deleteCount: 0,
      insert: "",
    });
  });

  it("keeps a concurrent edit elsewhere in the text when applied to a Y.Text", () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    a.getText("t").insert(0, "Elterncafé an der Schule");
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    const apply = (doc: Y.Doc, after: string) => {
      const text = doc.getText("t");
      const span = changedSpan({ before: text.toString(), after });
      text.delete(span.start, span.deleteCount);
      text.insert(span.start, span.insert);
    };
    apply(a, "Mehrsprachiges Elterncafé an der Schule");
    apply(b, "Elterncafé an der Grundschule");
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(a.getText("t").toString()).toBe("Mehrsprachiges Elterncafé an der Grundschule");
    expect(b.getText("t").toString()).toBe(a.getText("t").toString());
  });
});
