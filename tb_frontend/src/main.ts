// Entry point: TensorBoard imports this module in the tab's iframe and calls render().
import { mount } from "svelte";
import App from "./App.svelte";
import { TensorBoardSource, type DataSource } from "./data";

export function render(source?: DataSource): void {
  document.body.style.margin = "0";
  mount(App, { target: document.body, props: { source: source ?? new TensorBoardSource("./") } });
}
