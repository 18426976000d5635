// Entry point. In TensorBoard, the tab's iframe imports this module and calls render(). In a
// standalone export (rl-clarity export) the page carries its data in #rlc-index / #rlc-blobs and
// the module renders itself with the embedded data source.
import { mount } from "svelte";
import Root from "./Root.svelte";
import { TensorBoardSource, type DataSource } from "./data";
import { EmbeddedSource } from "./embedded";

export function render(source?: DataSource): void {
  document.body.style.margin = "0";
  mount(Root, { target: document.body, props: { source: source ?? new TensorBoardSource("./") } });
}

const index = document.getElementById("rlc-index");
const blobs = document.getElementById("rlc-blobs");
if (index && blobs) {
  const source = new EmbeddedSource(index, blobs);
  (window as unknown as Record<string, unknown>).rlClaritySource = source;
  render(source);
}
