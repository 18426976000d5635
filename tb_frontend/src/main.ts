// Entry point. In TensorBoard, the tab's iframe imports this module and calls render(). In a
// standalone export (rl-clarity export) the page carries the recorded responses of the routes in
// #rlc-index / #rlc-blobs and the module renders itself over them.
import { mount } from "svelte";
import Root from "./components/Root.svelte";
import { HttpTransport, RouteSource, type DataSource } from "./data";
import { EmbeddedTransport } from "./embedded";

export function render(source?: DataSource): void {
  document.body.style.margin = "0";
  mount(Root, { target: document.body,
                props: { source: source ?? new RouteSource(new HttpTransport("./")) } });
}

const index = document.getElementById("rlc-index");
const blobs = document.getElementById("rlc-blobs");
if (index && blobs) {
  const source = new RouteSource(new EmbeddedTransport(index, blobs));
  render(source);
}
