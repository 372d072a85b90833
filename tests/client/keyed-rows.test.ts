/**
 * Rows kept across updates (client/src/ui/keyedRows.ts): a row is built once for its key and updated
 * in place, moved only when the order changes, removed when its key goes; what did not change is not
 * written. Node has no DOM: a stand-in element tree with just what the helper touches.
 */
import { describe, expect, it } from "vitest";
import { keyedRows, setAttr, setText } from "../../client/src/ui/keyedRows.ts";

/** A node in a stand-in tree: children, siblings, text and attributes, counting text writes. */
class Node_ {
  parent: Node_ | null = null;
  readonly children: Node_[] = [];
  readonly attrs = new Map<string, string>();
  private text = "";
  writes = 0;
  moves = 0;
  constructor(readonly tag: string) {}
  get textContent(): string {
    return this.text;
  }
  set textContent(v: string) {
    this.text = v;
    this.writes++;
  }
  get firstElementChild(): Node_ | null {
    return this.children[0] ?? null;
  }
  get nextElementSibling(): Node_ | null {
    const at = this.parent ? this.parent.children.indexOf(this) : -1;
    return this.parent?.children[at + 1] ?? null;
  }
  insertBefore(node: Node_, before: Node_ | null): void {
    if (node.parent) node.moves++;
    node.remove();
    const at = before ? this.children.indexOf(before) : this.children.length;
    this.children.splice(at, 0, node);
    node.parent = this;
  }
  append(node: Node_): void {
    this.insertBefore(node, null);
  }
  remove(): void {
    if (!this.parent) return;
    this.parent.children.splice(this.parent.children.indexOf(this), 1);
    this.parent = null;
  }
  getAttribute(name: string): string | null {
    return this.attrs.get(name) ?? null;
  }
  hasAttribute(name: string): boolean {
    return this.attrs.has(name);
  }
  setAttribute(name: string, value: string): void {
    this.attrs.set(name, value);
  }
  removeAttribute(name: string): void {
    this.attrs.delete(name);
  }
}

interface Item {
  id: string;
  price: number;
}

function table() {
  const tbody = new Node_("tbody");
  let created = 0;
  const rows = keyedRows<Item, Node_ & Element>(tbody as unknown as Element, {
    key: (i) => i.id,
    create: () => {
      created++;
      return new Node_("tr") as unknown as Node_ & Element;
    },
    update: (row, i) => setText(row as unknown as Element, `${i.id} $${i.price}`),
  });
  const shown = () => tbody.children.map((r) => r.textContent);
  return { tbody, rows, shown, created: () => created };
}

describe("rows kept across updates", () => {
  it("builds a row once per key and updates it in place as the figures move", () => {
    const { rows, shown, created } = table();
    rows.sync([
      { id: "s9", price: 100 },
      { id: "m30", price: 300 },
    ]);
    const s9 = rows.get("s9");
    rows.sync([
      { id: "s9", price: 101 },
      { id: "m30", price: 300 },
    ]);
    expect(shown()).toEqual(["s9 $101", "m30 $300"]);
    expect(created()).toBe(2);
    expect(rows.get("s9"), "the same row element, still under the pointer").toBe(s9);
    // The unchanged row's text is not written again (a write would restart a screen reader).
    expect((rows.get("m30") as unknown as Node_).writes).toBe(1);
  });

  it("moves only rows out of place, removes gone keys, and adds new ones in order", () => {
    const { tbody, rows, shown, created } = table();
    rows.sync(["a", "b", "c", "d"].map((id) => ({ id, price: 1 })));
    const [a, b, c, d] = tbody.children;
    rows.sync(["a", "c", "e", "d"].map((id) => ({ id, price: 1 })));
    expect(shown()).toEqual(["a $1", "c $1", "e $1", "d $1"]);
    expect(tbody.children[0]).toBe(a);
    expect(tbody.children[1]).toBe(c);
    expect(tbody.children[3]).toBe(d);
    expect(b?.parent, "a gone key's row leaves the table").toBeNull();
    expect([a, c, d].map((r) => r?.moves)).toEqual([0, 0, 0]);
    expect(created()).toBe(5);
  });

  it("drops a placeholder line that is not a row, and builds all rows again after a reset", () => {
    const { tbody, rows, shown, created } = table();
    tbody.append(new Node_("p"));
    rows.sync([{ id: "a", price: 2 }]);
    expect(shown()).toEqual(["a $2"]);
    rows.reset();
    expect(tbody.children).toEqual([]);
    rows.sync([{ id: "a", price: 2 }]);
    expect(created()).toBe(2);
  });

  it("writes an attribute only when it differs", () => {
    const el = new Node_("button");
    const real = el as unknown as Element;
    setAttr(real, "aria-pressed", "true");
    setAttr(real, "aria-pressed", "true");
    expect(el.getAttribute("aria-pressed")).toBe("true");
    setAttr(real, "aria-pressed", null);
    expect(el.hasAttribute("aria-pressed")).toBe(false);
    setText(real, "x");
    setText(real, "x");
    expect(el.writes).toBe(1);
  });
});
